// `dossier export` as a user runs it: the JSON the evaluation scorer and scripts read, the CSV files a spreadsheet
// and Gephi open, and FollowTheMoney lines (validated with the followthemoney package by Tests/Export/run.sh).

import Foundation
import Testing

@Suite struct ExportTests {
    /// A small dossier with what every part of the export has to carry: a curated person with a garbled spelling in
    /// the text, a person found in the text, a quotation, a dated sentence on a curated event, markup and a wikilink
    /// in a sentence, and values with commas, quotes and a formula.
    static func scratchDossier() -> Scratch {
        let scratch = Scratch("dossier-export")
        scratch.write("Content/dossier.yml", "title: Export test\n")
        scratch.write("Content/people/kirill-dmitriev.md", """
            ---
            name: Kirill Dmitriev
            role: CEO, Russian Direct Investment Fund
            ---
            Head of the [[washington-visit|visit]].

            """)
        scratch.write("Content/events/washington-visit.md", """
            ---
            title: Visit to Washington
            date: 2025-04-01/2025-04-03
            place: Washington
            people: [kirill-dmitriev]
            ---
            Talks.

            """)
        scratch.write("Content/articles/envoy-visits.md", """
            ---
            title: "Envoy visits, \\"again\\""
            date: 2025-04-03
            source: "=HYPERLINK(\\"http://evil\\")"
            author: A. Writer
            url: https://example.com/envoy
            ---
            Kirill Dmitriev arrived in Washington on Wednesday for **talks** with [[kirill-dmitriev|the envoy's]] hosts.

            "We will come back, and soon," Dmitliff said.

            Kremlin spokesman Dmitry Peskov said the talks were useful.

            """)
        return scratch
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func records(_ object: [String: Any], _ key: String) -> [[String: Any]] { object[key] as? [[String: Any]] ?? [] }

    @Test(arguments: [["export"], ["publish"]])
    func helpWithAnExample(_ command: [String]) async throws {
        let result = try await DossierBinary.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("Example:") && result.output.contains("USAGE: dossier \(command[0])"))
    }

    @Test func theDefaultDossierAsJSON() async throws {
        let result = try await DossierBinary.run(["export", "--format", "json", "--content", Repo.content])
        #expect(result.status == 0, "\(result.errors)")
        let export = try Self.json(result.output)
        #expect(export["format"] as? String == "dossier-export/1")
        #expect((export["dossier"] as? [String: Any])?["title"] as? String != nil)
        // Every curated person of Content/people/ is there, marked curated.
        let people = Self.records(export, "people")
        let curated = try FileManager.default.contentsOfDirectory(atPath: Repo.content + "/people").filter { $0.hasSuffix(".md") }
            .map { String($0.dropLast(3)) }
        for slug in curated {
            #expect(people.contains { $0["slug"] as? String == slug && $0["curated"] as? Bool == true }, "\(slug) missing")
        }
        #expect(people.map { $0["slug"] as! String } == people.map { $0["slug"] as! String }.sorted())
        // Dmitriev said it; the garbled spelling is his.
        let quotations = Self.records(export, "quotations")
        #expect(quotations.contains {
            $0["speaker"] as? String == "kirill-dmitriev" && ($0["text"] as? String ?? "").contains("American companies to return to Russia")
        })
        let mentions = Self.records(export, "mentions")
        #expect(mentions.contains { $0["person"] as? String == "kirill-dmitriev" && $0["text"] as? String == "Dmitliff" })
        #expect(mentions.contains { $0["person"] as? String == "steve-witkoff" && $0["text"] as? String == "Witkov" })
        // Sentences are plain text: no Markdown, no wikilinks.
        for record in mentions + quotations + Self.records(export, "statements") {
            let sentence = record["sentence"] as? String ?? ""
            #expect(!sentence.isEmpty && !sentence.contains("[[") && !sentence.contains("**") && !sentence.contains("\n"), "\(sentence)")
        }
        // The visit's dates and a statement dated within it that names Dmitriev.
        let visit = Self.records(export, "events").first { $0["slug"] as? String == "dmitriev-washington-visit" }
        #expect(visit?["date"] as? String == "2025-04-01/2025-04-03")
        #expect(Self.records(export, "statements").contains {
            ($0["events"] as? [String] ?? []).contains("dmitriev-washington-visit") && ($0["people"] as? [String] ?? []).contains("kirill-dmitriev")
        })
        #expect(Self.records(export, "articles").count == 2)
        // The same dossier exports the same bytes.
        let again = try await DossierBinary.run(["export", "--format", "json", "--content", Repo.content])
        #expect(again.output == result.output)
    }

    @Test func foundPeopleVariantsQuotesAndStatementsAsJSON() async throws {
        let scratch = Self.scratchDossier()
        let result = try await DossierBinary.run(["export", "--format", "json", "--content", scratch.path + "/Content"])
        #expect(result.status == 0, "\(result.errors)")
        let export = try Self.json(result.output)
        // Absent values are null, not left out.
        let dossier = try #require(export["dossier"] as? [String: Any])
        #expect(dossier.keys.contains("subtitle") && dossier["subtitle"] is NSNull)
        let people = Self.records(export, "people")
        let peskov = try #require(people.first { $0["slug"] as? String == "dmitry-peskov" })
        #expect(peskov["curated"] as? Bool == false)
        #expect(peskov["role"] as? String == "Kremlin spokesman")
        let dmitriev = try #require(people.first { $0["slug"] as? String == "kirill-dmitriev" })
        let variants = dmitriev["variants"] as? [[String: String]] ?? []
        #expect(variants == [["text": "Dmitliff", "article": "envoy-visits"]])
        let quotation = try #require(Self.records(export, "quotations").first)
        #expect(quotation["speaker"] as? String == "kirill-dmitriev")
        #expect(quotation["text"] as? String == "We will come back, and soon")
        let statement = try #require(Self.records(export, "statements").first)
        #expect(statement["date"] as? String == "2025-04-02")
        #expect(statement["text"] as? String == "on Wednesday")
        #expect(statement["events"] as? [String] == ["washington-visit"])
        #expect(statement["sentence"] as? String
            == "Kirill Dmitriev arrived in Washington on Wednesday for talks with the envoy\u{2019}s hosts.")
        let article = try #require(Self.records(export, "articles").first)
        #expect(article["people"] as? [String] == ["dmitry-peskov", "kirill-dmitriev"])
        #expect(article["title"] as? String == "Envoy visits, \"again\"")
    }

    @Test func aDossierWithErrorsExportsNothing() async throws {
        let scratch = Self.scratchDossier()
        let path = scratch.path + "/Content/articles/envoy-visits.md"
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "2025-04-03", with: "2025-04-45")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let output = scratch.path + "/out.json"
        let result = try await DossierBinary.run(["export", "--format", "json", "--content", scratch.path + "/Content", "--output", output])
        #expect(result.status == 1)
        #expect(result.errors.contains("articles/envoy-visits.md:3:"), "\(result.errors)")
        #expect(result.output.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func csvNeedsAFolder() async throws {
        let result = try await DossierBinary.run(["export", "--format", "csv", "--content", Repo.content])
        #expect(result.status == 64)
        #expect(result.errors.contains("--output FOLDER"))
    }

    @Test func csvFilesASpreadsheetAndGephiOpen() async throws {
        let scratch = Self.scratchDossier()
        let folder = scratch.path + "/csv"
        let result = try await DossierBinary.run(["export", "--format", "csv", "--content", scratch.path + "/Content", "--output", folder])
        #expect(result.status == 0, "\(result.errors)")
        func table(_ name: String, bom: Bool) throws -> [[String: String]] {
            let data = try #require(FileManager.default.contents(atPath: folder + "/" + name), "\(name) missing")
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]) == bom, "\(name): byte-order mark")
            let rows = CSV.parse(String(decoding: bom ? data.dropFirst(3) : data, as: UTF8.self))
            #expect(rows.allSatisfy { $0.count == rows[0].count }, "\(name): ragged rows")
            return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(rows[0], $0)) }
        }
        let articles = try table("articles.csv", bom: true)
        #expect(articles.count == 1)
        #expect(articles.first?["title"] == "Envoy visits, \"again\"")
        #expect(articles.first?["people"] == "dmitry-peskov; kirill-dmitriev")
        #expect(articles.first?["source"] == "'=HYPERLINK(\"http://evil\")", "a formula must not run in a spreadsheet")
        let people = try table("people.csv", bom: true)
        #expect(people.first { $0["slug"] == "kirill-dmitriev" }?["variants"] == "Dmitliff (envoy-visits)")
        #expect(people.first { $0["slug"] == "dmitry-peskov" }?["curated"] == "no")
        let quotations = try table("quotations.csv", bom: true)
        #expect(quotations.first?["text"] == "We will come back, and soon")
        #expect(quotations.first?["speaker"] == "kirill-dmitriev")
        let mentions = try table("mentions.csv", bom: true)
        #expect(mentions.contains { $0["person"] == "kirill-dmitriev" && $0["text"] == "Dmitliff" })
        let statements = try table("statements.csv", bom: true)
        #expect(statements.first?["events"] == "washington-visit")
        #expect(try table("events.csv", bom: true).first?["earliest"] == "2025-04-01")
        let edges = try table("edges.csv", bom: false)
        #expect(edges == [["Source": "dmitry-peskov", "Target": "kirill-dmitriev", "Type": "Undirected", "Weight": "1"]])
        let nodes = try table("nodes.csv", bom: false)
        #expect(nodes.map { $0["Id"] } == ["dmitry-peskov", "kirill-dmitriev"])
        // RFC 4180: every record ends with CRLF.
        let raw = String(decoding: FileManager.default.contents(atPath: folder + "/edges.csv")!, as: UTF8.self)
        #expect(raw.hasSuffix("\r\n") && !raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func followTheMoneyLines() async throws {
        let scratch = Self.scratchDossier()
        let result = try await DossierBinary.run(["export", "--format", "ftm", "--content", scratch.path + "/Content"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n").map(String.init)
        let entities = try lines.map { try Self.json($0) }
        func entity(_ id: String) -> [String: [String]]? {
            entities.first { $0["id"] as? String == id }?["properties"] as? [String: [String]]
        }
        let person = try #require(entity("dossier-person-kirill-dmitriev"))
        #expect(person["alias"] == ["Dmitliff"])
        #expect(person["notes"] == ["Head of the visit."])
        let event = try #require(entity("dossier-event-washington-visit"))
        #expect(event["startDate"] == ["2025-04-01"] && event["endDate"] == ["2025-04-03"])
        #expect(event["involved"] == ["dossier-person-kirill-dmitriev"])
        let article = try #require(entity("dossier-article-envoy-visits"))
        #expect(article["publishedAt"] == ["2025-04-03"])
        #expect(entities.contains { ($0["schema"] as? String) == "Documentation"
            && ($0["properties"] as? [String: [String]])?["role"] == ["quoted"]
            && ($0["properties"] as? [String: [String]])?["entity"] == ["dossier-person-kirill-dmitriev"] })
        #expect(Set(entities.compactMap { $0["id"] as? String }).count == entities.count, "ids are unique")
    }
}

/// RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
