// Rebuilding without reading: an article file whose size, times and inode are those the last build read is taken
// from the content snapshot, its body read only if a page shows it. Whatever the build takes from the snapshot,
// the site and the problems reported must be those of a build that reads every file.

import Foundation
@testable import Content
@testable import Renderer
import Testing

@Suite struct ContentSnapshotTests {
    let scratch = Scratch("dossier-snapshot")
    var content: String { scratch.path + "/Content" }
    var site: String { scratch.path + "/Site" }
    var articles: [String] { ["accord-reported.md", "envoys-meet.md", "garbled-report.txt", "garbled-report.yml"] }

    init() {
        scratch.copy(Repo.fixture("small"), as: "Content")
    }

    /// Sets the file's modification time a minute back (its change time becomes now), as if it had been
    /// written long before the build: files modified just before a build are read again by the next one.
    func age(_ relative: String) {
        var times = [timespec(tv_sec: time(nil) - 60, tv_nsec: 0), timespec(tv_sec: time(nil) - 60, tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, content + "/articles/" + relative, &times, 0)
    }

    func write(_ text: String, to relative: String) throws {
        try text.write(toFile: content + "/articles/" + relative, atomically: false, encoding: .utf8)
    }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: content + "/articles/" + relative, encoding: .utf8) }

    func cleanBuild() throws -> [String: Data] {
        let clean = scratch.path + "/Clean-\(UUID().uuidString)"
        _ = try buildSite(content: content, output: clean)
        return SiteFiles.snapshot(clean)
    }

    @Test func unchangedArticleFilesAreNotReadAgain() throws {
        articles.forEach(age)
        let first = try buildSite(content: content, output: site)
        #expect(first.articlesUnread == 0)
        let second = try buildSite(content: content, output: site)
        #expect(second.articlesUnread == 3)

        // One edited: read again, the others not; its page shows the edit, and the site is a clean build's.
        try write(try read("envoys-meet.md") + "\nOmar Haddad later spoke to reporters.\n", to: "envoys-meet.md")
        let third = try buildSite(content: content, output: site)
        #expect(third.articlesUnread == 2)
        #expect(SiteFiles.read(site, "articles/envoys-meet.html")?.contains("later spoke to reporters") == true)
        #expect(SiteFiles.snapshot(site) == (try cleanBuild()))

        // A sidecar edited: its article is read again.
        try write(try read("garbled-report.yml").replacingOccurrences(of: "Machine translation", with: "A sidecar edit"),
                  to: "garbled-report.yml")
        let fourth = try buildSite(content: content, output: site)
        #expect(fourth.articlesUnread == 1)
        #expect(SiteFiles.read(site, "articles/garbled-report.html")?.contains("A sidecar edit") == true)
        #expect(SiteFiles.snapshot(site) == (try cleanBuild()))
    }

    /// People and events are taken from the snapshot too: an unchanged file is not opened, an edited one is read
    /// again, and the site and the warnings are a clean build's.
    @Test func unchangedPersonAndEventFilesAreNotReadAgain() throws {
        let notes = ["people/anna-berg.md", "people/lena-ode.md", "people/omar-haddad.md", "people/paul-berg.md",
                     "events/first-contact.md", "events/harbour-summit.md", "events/trade-accord.md"]
        func ageNote(_ relative: String) {
            var times = [timespec(tv_sec: time(nil) - 60, tv_nsec: 0), timespec(tv_sec: time(nil) - 60, tv_nsec: 0)]
            _ = utimensat(AT_FDCWD, content + "/" + relative, &times, 0)
        }
        // A warning in a person's file (an unknown key) must be reported by builds that do not read it.
        let anna = content + "/people/anna-berg.md"
        try (try String(contentsOfFile: anna, encoding: .utf8)).replacingOccurrences(of: "role:", with: "tags: [x]\nrole:")
            .write(toFile: anna, atomically: false, encoding: .utf8)
        notes.forEach(ageNote)
        articles.forEach(age)
        let first = try buildSite(content: content, output: site)
        #expect(first.notesUnread == 0)
        #expect(first.warnings.contains { $0.path.hasSuffix("anna-berg.md") && $0.message.contains("tags") })
        let second = try buildSite(content: content, output: site)
        #expect(second.notesUnread == notes.count)
        #expect(second.warnings == first.warnings)
        #expect(SiteFiles.snapshot(site) == (try cleanBuild()))

        // An edited profile and an edited event: read again, shown, and the site is a clean build's.
        let lena = content + "/people/lena-ode.md", summit = content + "/events/harbour-summit.md"
        try (try String(contentsOfFile: lena, encoding: .utf8) + "\nShe later chaired the committee.\n").write(toFile: lena, atomically: false, encoding: .utf8)
        try (try String(contentsOfFile: summit, encoding: .utf8) + "\nThe talks ran late.\n").write(toFile: summit, atomically: false, encoding: .utf8)
        let third = try buildSite(content: content, output: site)
        #expect(third.notesUnread == notes.count - 2)
        #expect(SiteFiles.read(site, "people/lena-ode.html")?.contains("chaired the committee") == true)
        #expect(SiteFiles.read(site, "events/harbour-summit.html")?.contains("talks ran late") == true)
        #expect(SiteFiles.snapshot(site) == (try cleanBuild()))
    }

    /// Pages of articles taken from the snapshot read their bodies from the files when they are rendered.
    @Test func pagesOfUnreadArticlesShowTheirBodies() throws {
        articles.forEach(age)
        let first = try buildSite(content: content, output: site)
        let before = SiteFiles.snapshot(site)
        try FileManager.default.removeItem(atPath: scratch.path + "/.Site.dossier-cache/pages.tsv")    // every page rendered again
        let second = try buildSite(content: content, output: site)
        #expect(second.articlesUnread == 3)
        #expect(second.rendered == first.pageCount)
        #expect(SiteFiles.snapshot(site) == before)
    }

    /// An edit that keeps the size and puts the old modification time back still changes the change time.
    @Test func anEditThatKeepsSizeAndModificationTimeIsStillSeen() throws {
        articles.forEach(age)
        _ = try buildSite(content: content, output: site)
        let text = try read("accord-reported.md")
        #expect(text.contains("accord"))
        // Rewritten in place (same inode), then its modification time set back to what it was.
        let path = content + "/articles/accord-reported.md"
        let before = try #require(ContentSnapshot.Stamp(path))
        let bytes = Array(text.replacingOccurrences(of: "accord", with: "ACCORD").utf8)
        let fd = open(path, O_WRONLY | O_TRUNC)
        #expect(fd >= 0 && Glibc.write(fd, bytes, bytes.count) == bytes.count)
        close(fd)
        var times = [timespec(tv_sec: Int(before.modified / 1_000_000_000), tv_nsec: Int(before.modified % 1_000_000_000))]
        times.append(times[0])
        _ = utimensat(AT_FDCWD, path, &times, 0)
        let after = try #require(ContentSnapshot.Stamp(path))
        #expect(after.size == before.size && after.modified == before.modified && after.inode == before.inode)
        #expect(after.changed != before.changed)
        let second = try buildSite(content: content, output: site)
        #expect(second.articlesUnread == 2)
        #expect(SiteFiles.read(site, "articles/accord-reported.html")?.contains("ACCORD") == true)
        #expect(SiteFiles.snapshot(site) == (try cleanBuild()))
    }

    /// Files modified just before a build are read by the next one too (a coarse clock could hide a second edit).
    @Test func filesModifiedJustBeforeABuildAreReadAgain() throws {
        _ = try buildSite(content: content, output: site)
        #expect(try buildSite(content: content, output: site).articlesUnread == 0)
    }

    /// Warnings and located errors of an unread article are reported as when it was read.
    @Test func problemsOfUnreadArticlesAreReportedAsBefore() throws {
        try write(try read("accord-reported.md").replacingOccurrences(of: "title:", with: "tags: [trade]\ntitle:"), to: "accord-reported.md")
        articles.forEach(age)
        let first = try buildSite(content: content, output: site)
        #expect(first.warnings.contains { $0.path.hasSuffix("accord-reported.md") && $0.message.contains("tags") })
        let second = try buildSite(content: content, output: site)
        #expect(second.articlesUnread == 3)
        #expect(second.warnings == first.warnings)

        // A person removed: the slugs articles name in front matter are checked again, at the lines they were written.
        let (fresh, _, _) = ContentLoader.load(directory: content)
        let named = try #require(fresh?.articles.flatMap(\.people).first)
        try FileManager.default.removeItem(atPath: content + "/people/" + named + ".md")
        var errors: [[String]] = []
        for _ in 0..<2 {
            do {
                _ = try buildSite(content: content, output: site)
                Issue.record("a dangling slug should fail the build")
            } catch {
                errors.append(error.diagnostics.filter { $0.severity == .error }.map(\.description))
            }
        }
        #expect(errors[0].contains { $0.contains("/articles/") && $0.contains("no person has the slug \"\(named)\"") && !$0.contains(".md:1:1:") })
        #expect(errors[0] == errors[1])
        let reread = Scratch("dossier-snapshot-reread")
        reread.copy(content, as: "Content")
        do {
            _ = try buildSite(content: reread.path + "/Content", output: reread.path + "/Site")
        } catch {
            #expect(error.diagnostics.filter { $0.severity == .error }.map(\.description)
                    == errors[0].map { $0.replacingOccurrences(of: content, with: reread.path + "/Content") })
        }
    }
}
