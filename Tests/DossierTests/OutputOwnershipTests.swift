// The output folder holds what Dossier wrote and may hold more: a build never deletes or overwrites a file
// Dossier did not write (the manifest says which it did), refuses a folder that is not its own, and two builds
// of one output take turns (the lock beside it).

import Foundation
import Testing
@testable import Renderer

@Suite struct OutputOwnershipTests {
    let scratch = Scratch()
    var site: String { scratch.path + "/Site" }

    func messages(content: String = Repo.fixture("small"), output: String) -> [String] {
        do {
            _ = try buildSite(content: content, output: output)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }.map(\.message)
        }
    }

    /// The probe of issue 28: a folder of someone's files that happens to hold an index.html.
    @Test func aFolderOfOnesOwnFilesIsRefusedAndUntouched() {
        let files = ["index.html": "<p>my home page</p>", "notes.txt": "notes", "photos/a.jpg": "jpeg",
                     "project/main.c": "int main(void) { return 0; }", ".git/config": "[core]"]
        for (path, text) in files { scratch.write("Mine/" + path, text) }
        let problems = messages(output: scratch.path + "/Mine")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("output folder holds files Dossier did not write (") == true, "\(problems)")
        #expect(problems.first?.contains("and no .dossier-manifest, so it is not a site Dossier built; nothing was changed") == true)
        #expect(SiteFiles.list(scratch.path + "/Mine") == files.keys.sorted())
        for (path, text) in files { #expect(SiteFiles.read(scratch.path + "/Mine", path) == text) }
    }

    @Test func aFolderWithoutAnIndexIsRefusedBeforeAnythingIsRead() {
        scratch.write("Documents/thesis.txt", "years of work")
        #expect(messages(output: scratch.path + "/Documents") == [
            "output folder holds files Dossier did not write (thesis.txt) and no .dossier-manifest, so it is not a site Dossier built; nothing was changed: empty it or choose another --output",
        ])
        #expect(SiteFiles.list(scratch.path + "/Documents") == ["thesis.txt"])
    }

    @Test func theManifestListsEveryFileOfTheSiteAndNothingElse() throws {
        _ = try buildSite(content: Repo.fixture("small"), output: site)
        let manifest = try #require(SiteFiles.read(site, ".dossier-manifest"))
        let lines = manifest.split(separator: "\n").map(String.init)
        #expect(lines.first == "dossier site manifest 1")
        #expect(Array(lines.dropFirst()) == SiteFiles.list(site).filter { $0 != ".dossier-manifest" })
    }

    @Test func filesAddedToTheSiteByHandSurviveRebuildsAndRemovals() throws {
        let content = scratch.copy(Repo.fixture("small"), as: "Content")
        _ = try buildSite(content: content, output: site)
        scratch.write("Site/notes.txt", "mine")
        scratch.write("Site/articles/my-draft.html", "mine too")
        scratch.write("Site/.git/config", "[core]")
        #expect(FileManager.default.fileExists(atPath: site + "/articles/envoys-meet.html"))
        try FileManager.default.removeItem(atPath: content + "/articles/envoys-meet.md")
        let report = try buildSite(content: content, output: site)
        #expect(report.write.removed >= 1)
        #expect(!FileManager.default.fileExists(atPath: site + "/articles/envoys-meet.html"))
        #expect(SiteFiles.read(site, "notes.txt") == "mine")
        #expect(SiteFiles.read(site, "articles/my-draft.html") == "mine too")
        #expect(SiteFiles.read(site, ".git/config") == "[core]")
        #expect(SiteFiles.read(site, ".dossier-manifest")?.contains("envoys-meet") == false)
    }

    @Test func aFileOfOnesOwnWhereTheSiteNeedsOneIsNeverOverwritten() throws {
        let content = scratch.copy(Repo.fixture("small"), as: "Content")
        _ = try buildSite(content: content, output: site)
        scratch.write("Site/articles/new-one.html", "mine")
        scratch.write("Content/articles/new-one.md", "---\ntitle: New one\ndate: 2025-04-02\n---\nA new article.\n")
        let problems = messages(content: content, output: site)
        #expect(problems == ["the new site has articles/new-one.html, which Dossier did not write (\(site)/.dossier-manifest does not list it); nothing was changed: move it away and build again"])
        #expect(SiteFiles.read(site, "articles/new-one.html") == "mine")
    }

    /// A site built by an older Dossier has no manifest: when every file in it is one the build writes (the
    /// committed Site/ of a fresh clone), it is taken over, and has a manifest from then on.
    @Test func aSiteAnOlderDossierBuiltIsRecognised() throws {
        _ = try buildSite(content: Repo.fixture("small"), output: site)
        let before = SiteFiles.snapshot(site)
        unlink(site + "/.dossier-manifest")
        try FileManager.default.removeItem(atPath: PageCache.folder(forOutput: site))
        let report = try buildSite(content: Repo.fixture("small"), output: site)
        #expect(report.warnings.isEmpty)
        #expect(SiteFiles.snapshot(site) == before)
    }

    /// With its cache beside it, an older Dossier's site is recognised even when it holds files this build does
    /// not write; those are kept, with a warning, since nothing says whose they are.
    @Test func anOlderSiteWithItsCacheKeepsWhatTheBuildDoesNotWrite() throws {
        _ = try buildSite(content: Repo.fixture("small"), output: site)
        unlink(site + "/.dossier-manifest")
        scratch.write("Site/articles/deleted-long-ago.html", "old page")
        let report = try buildSite(content: Repo.fixture("small"), output: site)
        #expect(report.warnings.map(\.message).contains { $0.hasPrefix("kept articles/deleted-long-ago.html, which this build does not write") })
        #expect(SiteFiles.read(site, "articles/deleted-long-ago.html") == "old page")
        #expect(SiteFiles.read(site, ".dossier-manifest")?.contains("deleted-long-ago") == false)
    }

    /// Two builds of one output at once (two threads, each with its own descriptor on the lock file): the second
    /// waits for the first and says so, and both succeed with the site whole.
    @Test func twoBuildsOfOneOutputTakeTurns() throws {
        _ = try buildSite(content: Repo.fixture("small"), output: site)
        let expected = SiteFiles.snapshot(site)
        var held: OutputLock? = try OutputLock(output: site) {}
        let waited = Tally()
        let results = Results()
        let group = DispatchGroup()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                do {
                    _ = try SiteBuilder.build(BuildOptions(content: Repo.fixture("small"), templates: Repo.templates, output: site,
                                                           waiting: { _ in _ = waited.next() }))
                    results.add(nil)
                } catch {
                    results.add("\(error)")
                }
            }
        }
        // Both builds find the lock held (by this test) and wait; then they run one after the other.
        while waited.current < 2 { usleep(10_000) }
        #expect(held != nil)
        held = nil
        group.wait()
        #expect(results.all == [nil, nil])
        #expect(SiteFiles.snapshot(site) == expected)
        #expect(SiteFiles.list(scratch.path).allSatisfy { !$0.contains("staging") })
    }
}

final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    var current: Int { lock.lock(); defer { lock.unlock() }; return value }
}

final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String?] = []
    func add(_ value: String?) { lock.lock(); values.append(value); lock.unlock() }
    var all: [String?] { lock.lock(); defer { lock.unlock() }; return values }
}
