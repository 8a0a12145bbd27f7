// `dossier publish DEST` as a user runs it, to a local folder (rsync needs no network for that): it builds and checks
// first, sends only what changed, deletes what the site no longer has, and refuses what would do harm.

import Export
import Foundation
import Testing

@Suite struct PublishTests {
    /// The small fixture with the templates, in a scratch folder; the site is built to Site/ and published to www/.
    struct Dossier {
        let scratch = Scratch("dossier-publish")
        var content: String { scratch.path + "/Content" }
        var site: String { scratch.path + "/Site" }
        var www: String { scratch.path + "/www" }
        var folders: [String] { ["--content", content, "--templates", scratch.path + "/Templates", "--output", site] }
        init() {
            scratch.copy(Repo.fixture("small"), as: "Content")
            scratch.copy(Repo.templates, as: "Templates")
        }
        func publish(_ destination: String? = nil, environment: [String: String] = [:]) async throws -> CommandResult {
            try await DossierBinary.run(["publish", destination ?? www] + folders, environment: environment)
        }
        func modified(_ path: String) throws -> Date {
            try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        }
    }

    @Test func publishesOnlyWhatChangedAndDeletesWhatWasRemoved() async throws {
        let d = Dossier()
        let first = try await d.publish()
        #expect(first.status == 0, "\(first.errors)")
        #expect(SiteFiles.snapshot(d.www) == SiteFiles.snapshot(d.site), "the published folder is the site")
        let files = SiteFiles.list(d.site).count
        #expect(first.output.contains("Published \(d.site)/ to \(d.www): \(files) files sent, 0 files deleted"), "\(first.output)")

        let again = try await d.publish()
        #expect(again.output.contains("0 files sent, 0 files deleted"), "\(again.output)")

        // Remove an article: its page goes, the pages that listed it are sent again, the rest is not touched.
        let untouched = d.www + "/assets/dossier.css"
        let before = try d.modified(untouched)
        try FileManager.default.removeItem(atPath: d.content + "/articles/envoys-meet.md")
        try await Task.sleep(for: .milliseconds(1100))      // so that a file sent again would get a later modification time
        let third = try await DossierBinary.run(["publish", d.www, "--verbose"] + d.folders)
        #expect(third.status == 0, "\(third.errors)")
        #expect(third.output.contains("deleted  articles/envoys-meet.html"), "\(third.output)")
        #expect(third.output.contains("sent     articles/index.html"))
        #expect(!third.output.contains("assets/dossier.css"))
        #expect(third.output.contains("1 file deleted"))
        #expect(!FileManager.default.fileExists(atPath: d.www + "/articles/envoys-meet.html"))
        #expect(SiteFiles.snapshot(d.www) == SiteFiles.snapshot(d.site))
        #expect(try d.modified(untouched) == before, "an unchanged file was sent again")
    }

    @Test func refusesASiteThatFailsItsChecks() async throws {
        let d = Dossier()
        #expect(try await d.publish().status == 0)
        let published = SiteFiles.snapshot(d.www)
        let path = d.content + "/articles/envoys-meet.md"
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "2024-03-05", with: "2024-03-45")
            .write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: d.content + "/articles/accord-reported.md")
        let result = try await d.publish()
        #expect(result.status == 1)
        #expect(result.errors.contains("articles/envoys-meet.md:"), "\(result.errors)")
        #expect(result.errors.contains("nothing was published"))
        #expect(SiteFiles.snapshot(d.www) == published, "the published site changed although the build failed")
    }

    @Test func refusesAFolderThatIsNotAPublishedSite() async throws {
        let d = Dossier()
        d.scratch.write("notes/todo.txt", "keep me\n")
        let result = try await d.publish(d.scratch.path + "/notes")
        #expect(result.status == 1)
        #expect(result.errors.contains("holds files but no index.html"), "\(result.errors)")
        #expect(FileManager.default.fileExists(atPath: d.scratch.path + "/notes/todo.txt"))
        let inside = try await d.publish(d.site + "/copy")
        #expect(inside.status == 1)
        #expect(inside.errors.contains("is the site folder"), "\(inside.errors)")
    }

    @Test func saysHowToInstallRsyncWhenItIsMissing() async throws {
        let d = Dossier()
        let empty = Scratch("no-rsync")
        let result = try await d.publish(environment: ["PATH": empty.path])
        #expect(result.status == 1)
        #expect(result.errors.contains("rsync is not installed: install it"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: d.www))
    }

    /// A `host:path` destination, through rsync's remote protocol: RSYNC_RSH names a stand-in for ssh that runs
    /// the remote rsync here, so no network or ssh server is needed.
    @Test func publishesToAnRsyncDestinationAndChecksItFirst() async throws {
        let d = Dossier()
        d.scratch.write("fake-ssh", "#!/bin/sh\n# rsync runs: fake-ssh [-l user] host rsync --server ...\nwhile [ \"$1\" = -l ]; do shift 2; done\nshift\nexec \"$@\"\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: d.scratch.path + "/fake-ssh")
        let ssh = ["RSYNC_RSH": d.scratch.path + "/fake-ssh"]
        let first = try await d.publish("localhost:" + d.www, environment: ssh)
        #expect(first.status == 0, "\(first.errors)")
        #expect(SiteFiles.snapshot(d.www) == SiteFiles.snapshot(d.site))
        let again = try await d.publish("localhost:" + d.www, environment: ssh)
        #expect(again.output.contains("0 files sent, 0 files deleted"), "\(again.output)")

        d.scratch.write("notes/todo.txt", "keep me\n")
        let refused = try await d.publish("localhost:" + d.scratch.path + "/notes", environment: ssh)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("holds files but no index.html"), "\(refused.errors)")
        #expect(FileManager.default.fileExists(atPath: d.scratch.path + "/notes/todo.txt"))
        let home = try await d.publish("localhost:", environment: ssh)
        #expect(home.status == 1)
        #expect(home.errors.contains("names the remote home folder itself"), "\(home.errors)")
    }

    @Test(arguments: [
        ("deploy@example.org:/srv/www/brief", true), ("example.org:brief", true), ("/var/www/brief", false),
        ("./a:b", false), ("site/a:b", false), ("brief", false),
    ])
    func destinationsAreReadAsRsyncReadsThem(_ text: String, remote: Bool) {
        #expect(Publishing.Destination(text) == (remote ? .remote(text) : .folder(text)))
    }
}
