// What the browser side of live reload is: a small script added to HTML as it is served (never to the files
// in Site/), which listens to /__dossier/events, reloads the page after a good build and shows the errors of
// a failed one over the page; and the server's own 404 page.

import Foundation
import Renderer

enum LiveReload {
    static let eventsPath = "/__dossier/events"
    static let scriptPath = "/__dossier/live-reload.js"
    static let scriptTag = "<script src=\"\(scriptPath)\"></script>"

    /// Where the script tag goes in an HTML file of `size` bytes: the offset of its last `</body>` (any case), or
    /// nil when it has none (the tag then goes at the end). Read backwards in blocks, so a page of any size costs
    /// one block of memory, and a normal page one read of its end.
    static func lastBodyClose(descriptor: Int32, size: Int, block: Int = 65536) -> Int? {
        let pattern = Array("</body>".utf8)
        var buffer = [UInt8](repeating: 0, count: block + pattern.count)
        var end = size
        while end > 0 {
            let start = max(0, end - block)
            let length = min(size, end + pattern.count - 1) - start       // overlaps the next block by a tag's length
            var got = 0
            while got < length {
                let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + got, length - got, off_t(start + got)) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return nil }
                got += n
            }
            var i = length - pattern.count
            while i >= 0 {
                var j = 0
                while j < pattern.count, (buffer[i + j] | (buffer[i + j] >= 65 && buffer[i + j] <= 90 ? 32 : 0)) == pattern[j] { j += 1 }
                if j == pattern.count { return start + i }
                i -= 1
            }
            end = start
        }
        return nil
    }

    /// `hello` carries the build's id (a page reloads when it reconnects to a newer build, after a restart too);
    /// `reload` follows a good build; `failed` carries the errors, one line each, as a JSON array.
    static let script = """
    // Dossier live reload: added by `dossier serve` to pages as they are served; Site/ does not contain it.
    (function () {
      if (!window.EventSource) return;
      var seen = null, overlay = null;
      function hide() { if (overlay) { overlay.remove(); overlay = null; } }
      function show(lines) {
        hide();
        overlay = document.createElement('div');
        overlay.id = 'dossier-build-errors';
        overlay.setAttribute('role', 'alert');
        overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;' +
          'background:rgba(24,24,27,.94);color:#fafafa;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace';
        var title = document.createElement('h2');
        title.textContent = 'The build failed: this is the last good build. Fix these and save; the page reloads by itself.';
        title.style.cssText = 'font:600 16px/1.4 system-ui,sans-serif;margin:0 0 1rem;color:#fca5a5';
        var list = document.createElement('pre');
        list.textContent = lines.join('\\n');
        list.style.cssText = 'white-space:pre-wrap;margin:0 0 1rem';
        var close = document.createElement('button');
        close.textContent = 'Hide';
        close.onclick = hide;
        overlay.appendChild(title); overlay.appendChild(list); overlay.appendChild(close);
        document.body.appendChild(overlay);
      }
      var events = new EventSource('\(eventsPath)');
      events.addEventListener('hello', function (e) {
        if (seen !== null && seen !== e.data) { location.reload(); return; }
        seen = e.data;
      });
      events.addEventListener('reload', function () { location.reload(); });
      events.addEventListener('failed', function (e) { show(JSON.parse(e.data)); });
    })();

    """

    /// The 404 page: plain, self-contained, and with the script, so it reloads into the page once it exists.
    static func notFoundPage(path: String, buildFailed: Bool) -> String {
        let shown = HTML.escape(path)
        let hint = buildFailed ? "<p>The last build failed; its errors are shown over this page and in the terminal.</p>" : ""
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Not found: \(shown)</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}code{font-size:.95em}</style>
        </head>
        <body>
        <h1>Not found</h1>
        <p>The site has no page at <code>\(shown)</code>.</p>
        \(hint)
        <p><a href="/index.html">Go to the dossier’s home page</a></p>
        \(scriptTag)
        </body>
        </html>

        """
    }
}
