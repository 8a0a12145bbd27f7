// `dossier init DIR`: a new dossier's folder, ready to build: Content/ with dossier.yml, empty people/ and
// events/, one example article that shows the format, and a README.md of next steps beside Content/ (inside it,
// the build would warn that README.md is not content).

import Foundation

public enum NewDossier {
    /// Writes the dossier into `directory` (created if missing) and returns the paths written, in order.
    /// Refuses a folder that holds anything but `.git` (so a new repository can be made first).
    public static func create(at directory: String, title: String?) throws(AuthoringError) -> [String] {
        let root = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw AuthoringError(.content, "\(root) is a file, not a folder: choose a new folder's name") }
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { $0 != ".git" }.sorted()
            if !entries.isEmpty {
                let shown = entries.prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
                throw AuthoringError(.content, "\(root)/ is not empty (\(shown)): `dossier init` starts a dossier in a new or empty folder only, so that nothing there is replaced")
            }
        }
        let name = (title?.trimmingCharacters(in: .whitespacesAndNewlines)).flatMap { $0.isEmpty ? nil : $0 } ?? defaultTitle(root)
        var settings = FrontMatterText()
        settings.add("title", name)
        let files: [(String, String)] = [
            ("Content/dossier.yml", settings.lines.joined(separator: "\n") + "\n" + settingsHelp),
            ("Content/people/.gitkeep", ""),
            ("Content/events/.gitkeep", ""),
            ("Content/articles/" + exampleSlug + ".md", exampleArticle),
            ("README.md", readme(title: name)),
        ]
        var written: [String] = []
        for (relative, text) in files {
            let path = root + "/" + relative
            try ContentFolder(root).create(path, text: text)
            written.append(path)
        }
        return written
    }

    public static let exampleSlug = "example-how-an-article-is-written"

    /// The folder's name as a title: "iran-deal" → "Iran deal".
    static func defaultTitle(_ root: String) -> String {
        let base = URL(fileURLWithPath: root).standardizedFileURL.lastPathComponent.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return base.isEmpty ? "Dossier" : base.prefix(1).uppercased() + base.dropFirst()
    }

    static let settingsHelp = """
        # subtitle: "One line under the title"
        # description: "What the dossier is about, for the home page and search engines"
        # language: en
        # base_url: https://example.org/briefings/this/   (an absolute address also writes feed.xml and sitemap.xml)

        """

    static let exampleArticle = """
        ---
        title: "Example: how an article is written"
        date: 2025-03-04
        source: "The source that published it, e.g. Reuters"
        author: "Who wrote it"
        ---
        An article is a Markdown file in `articles/`: between the `---` lines its front matter (`title` and \
        `date` are required; the date is EDTF: `2025-03-04`, `2025-03`, `2025-03-04~` when approximate, \
        `2025-03-01/2025-03-04` for an interval), then its text. Replace this file with a real article, or \
        paste one in with `dossier import pasted.txt --date 2025-03-04`.

        Every person the text names is found. Foreign Minister Anna Example told reporters on 3 March 2025 that \
        the talks would go on. "We will meet again next week," Example said. The build gives her a page of her \
        own, marked as found in the articles, with this sentence and her quotation; the date becomes an entry \
        of the timeline.

        Write `dossier new person "Anna Example"` to describe her yourself (a role, other spellings of her name), \
        and link to any page with its slug in double brackets, as in `[[anna-example]]` or \
        `[[anna-example|the minister]]`.

        """

    static func readme(title: String) -> String {
        """
        # \(title)

        A briefing dossier built with Dossier. `Content/` holds what it says; `dossier build` writes the site to
        `Site/` (open `Site/index.html` in a browser, from disk or on any web host).

        Next steps, from this folder (or any folder below it):

        ```sh
        dossier serve                                    # http://127.0.0.1:8000/, rebuilt and reloaded on every save
        dossier new person "Kirill Dmitriev" --alias "Kiril Dmitriev" --role "CEO, RDIF"
        dossier new event "Talks in Washington" --date 2025-04-01/2025-04-03 --person kirill-dmitriev
        dossier import pasted.txt --date 2025-04-01 --source "CNN"   # first line the title, "By NAME" the author
        dossier check                                    # the people and spellings found, and what needs a decision
        dossier build                                    # Site/
        ```

        - `Content/dossier.yml`: the title, and optionally subtitle, description, language, base_url.
        - `Content/articles/`: one `.md` file an article (front matter, then Markdown), or a pasted `.txt` with a
          `.yml` beside it for the date. The example article shows the format; delete it when you have your own.
        - `Content/people/`, `Content/events/`: the people and events you describe yourself.
        - `Templates/` (optional): your own copies of theme files; each one replaces the built-in file of that
          name (`dossier init NEW-FOLDER --templates` writes the whole theme out to start from).

        `dossier --help` and `dossier COMMAND --help` tell the rest.

        """
    }
}
