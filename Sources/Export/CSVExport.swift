// The export as a folder of CSV files: one table per kind of record for spreadsheets, and a node and an edge list
// (people who appear in the same articles) for Gephi. RFC 4180: comma-separated, CRLF line ends, a field quoted
// when it holds a comma, a quote or a line break, quotes doubled.

import EDTF
import Foundation

extension DossierExport {
    /// The files, by name, in the order they are listed.
    public var csvFiles: [(name: String, data: Data)] {
        func list(_ values: [String]) -> String { values.joined(separator: "; ") }
        func iso(_ day: DayStamp) -> String { day == .distantPast || day == .distantFuture ? "" : day.iso }
        var files: [(String, Data)] = []
        files.append(("people.csv", CSVTable.spreadsheet(
            ["slug", "name", "curated", "role", "affiliation", "aliases", "variants", "articles"],
            people.map { p in
                [p.slug, p.name, p.curated ? "yes" : "no", p.role ?? "", p.affiliation ?? "", list(p.aliases),
                 list(p.variants.map { "\($0.text) (\($0.article))" }),
                 list(articles.filter { $0.people.contains(p.slug) }.map(\.slug))]
            })))
        files.append(("events.csv", CSVTable.spreadsheet(
            ["slug", "title", "date", "earliest", "latest", "place", "people", "aliases"],
            events.map { [$0.slug, $0.title, $0.date.edtf, iso($0.date.earliest), iso($0.date.latest), $0.place ?? "",
                          list($0.people), list($0.aliases)] })))
        files.append(("articles.csv", CSVTable.spreadsheet(
            ["slug", "title", "date", "earliest", "source", "author", "url", "people", "events"],
            articles.map { [$0.slug, $0.title, $0.date.edtf, iso($0.date.earliest), $0.source ?? "", $0.author ?? "",
                            $0.url ?? "", list($0.people), list($0.events)] })))
        files.append(("mentions.csv", CSVTable.spreadsheet(
            ["person", "article", "kind", "text", "sentence"],
            mentions.map { [$0.person, $0.article, $0.kind, $0.text, $0.sentence] })))
        files.append(("quotations.csv", CSVTable.spreadsheet(
            ["speaker", "article", "text", "sentence", "organisation"],
            quotations.map { [$0.speaker ?? "", $0.article, $0.text, $0.sentence, $0.organisation ?? ""] })))
        files.append(("statements.csv", CSVTable.spreadsheet(
            ["article", "date", "earliest", "latest", "text", "sentence", "people", "events"],
            statements.map { [$0.article, $0.date.edtf, iso($0.date.earliest), iso($0.date.latest), $0.text, $0.sentence,
                              list($0.people), list($0.events)] })))
        // Gephi (File → Import spreadsheet): nodes by Id with a Label, undirected edges weighted by shared articles.
        files.append(("nodes.csv", CSVTable.plain(
            ["Id", "Label", "Kind", "Curated"],
            people.map { [$0.slug, $0.name, "person", $0.curated ? "true" : "false"] })))
        files.append(("edges.csv", CSVTable.plain(
            ["Source", "Target", "Type", "Weight"],
            coMentions.map { [$0.a, $0.b, "Undirected", String($0.articles)] })))
        return files
    }

    /// Pairs of people named in the same articles, each pair once (slugs in order), with how many articles.
    public var coMentions: [(a: String, b: String, articles: Int)] {
        var count: [String: Int] = [:]
        for article in articles {
            let people = article.people.sorted()
            for i in people.indices { for j in people.indices where j > i { count["\(people[i])\t\(people[j])", default: 0] += 1 } }
        }
        return count.keys.sorted().map { key in
            let pair = key.split(separator: "\t").map(String.init)
            return (pair[0], pair[1], count[key]!)
        }
    }

    /// Writes every file into `folder` (made when missing; other files in it are left alone). Returns their names.
    public func writeCSV(to folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let files = csvFiles
        for file in files {
            try file.data.write(to: URL(fileURLWithPath: folder).appendingPathComponent(file.name), options: .atomic)
        }
        return files.map(\.name)
    }
}

enum CSVTable {
    /// For spreadsheets: a UTF-8 byte-order mark first (without it Excel reads the file as the system's code page
    /// and garbles every accent; LibreOffice and Python's "utf-8-sig" skip it), and a cell that a spreadsheet would
    /// run as a formula (=, +, @, or - before a letter) starts with an apostrophe, so article text cannot run code.
    static func spreadsheet(_ header: [String], _ rows: [[String]]) -> Data {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(table(header, rows.map { $0.map(defused) }))
        return data
    }

    /// For Gephi and scripts: no byte-order mark (Gephi would read it as part of the first column's name).
    static func plain(_ header: [String], _ rows: [[String]]) -> Data { table(header, rows) }

    static func table(_ header: [String], _ rows: [[String]]) -> Data {
        var text = ""
        for row in [header] + rows {
            text += row.map(field).joined(separator: ",")
            text += "\r\n"
        }
        return Data(text.utf8)
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func defused(_ value: String) -> String {
        guard let first = value.first else { return value }
        let second = value.dropFirst().first
        let risky = first == "=" || first == "+" || first == "@" || first == "\t" || first == "\r"
            || (first == "-" && second.map { !$0.isNumber && $0 != " " } ?? false)
        return risky ? "'" + value : value
    }
}
