// What the browser side of live reload is: a small script added to HTML as it is served (never to the files
// in Site/), which listens to /__dossier/events, reloads the page after a good build and shows the errors of
// a failed one over the page; and the server's own 404 page.

import Foundation
import Renderer

enum LiveReload {
    static let eventsPath = "/__dossier/events"
    static let scriptPath = "/__dossier/live-reload.js"
    static let scriptTag = "<script src=\"\(scriptPath)\"></script>"

    /// The page with the script tag just before its last `</body>`, or at the end when it has none.
    static func inject(into html: String) -> String {
        if let close = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            return html.replacingCharacters(in: close.lowerBound..<close.lowerBound, with: scriptTag + "\n")
        }
        return html + "\n" + scriptTag + "\n"
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
