// The plain forms (YYYY, YYYY-MM, YYYY-MM-DD) are read by a shortcut before the parser: it must give exactly the
// parser's dates, and leave every text it cannot vouch for (errors included) to the parser.
import Testing
@testable import EDTF

@Suite struct EDTFPlainFormsTests {
    static func outcome(_ parse: (String) throws(EDTFError) -> EDTFDate, _ text: String) -> String {
        do { return "date " + (try parse(text)).edtf } catch { return "error \(error.offset): \(error.message)" }
    }

    @Test func theShortcutGivesTheParsersDatesAndErrors() {
        var texts = ["20a5", "2025/04", "2025-4-01", " 2025", "2025-04-1 ", "2025-04-01~", "-202", "2025-0a", "2025_04_01",
                     "2025-04-", "12345", "2025-04-01x"]
        for year in ["0000", "1900", "2000", "2023", "2024", "9999"] {
            texts.append(year)
            for month in 0...25 {
                let mm = month < 10 ? "0\(month)" : "\(month)"
                texts.append(year + "-" + mm)
                for day in 0...32 { texts.append(year + "-" + mm + "-" + (day < 10 ? "0\(day)" : "\(day)")) }
            }
        }
        var viaShortcut = 0
        for text in texts {
            #expect(Self.outcome(EDTFDate.parse, text) == Self.outcome(EDTFDate.parsedByParser, text), "\(text)")
            if EDTFDate.plain(text) != nil { viaShortcut += 1 }
        }
        // Every valid day, month and year of the grid: 6 years × (1 + 12 + their days).
        let days = [366, 365, 366, 365, 366, 365]          // year 0 (1 BC) and 2000 are leap years, 1900 is not
        #expect(viaShortcut == days.reduce(0) { $0 + 1 + 12 + $1 })
    }
}
