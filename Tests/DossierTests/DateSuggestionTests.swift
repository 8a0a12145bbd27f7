// Dates as people write them get "did you mean ...?" wherever a date is read: the pure readings, then the
// messages of EDTF's parser, front matter (located) and `--date`.

import EDTF
import Foundation
import Testing

@Suite struct DateSuggestionTests {
    @Test(arguments: [
        ("24/06/2023", ["2023-06-24"]),
        ("24.06.2023", ["2023-06-24"]),
        ("24-06-2023", ["2023-06-24"]),
        ("06/24/2023", ["2023-06-24"]),                 // month first: 24 cannot be a month
        ("03/04/2023", ["2023-04-03", "2023-03-04"]),   // either way: day first, then month first
        ("04/04/2023", ["2023-04-04"]),
        ("3/4/2023", ["2023-04-03", "2023-03-04"]),
        ("2023/06/24", ["2023-06-24"]),
        ("2023.6.4", ["2023-06-04"]),
        ("2023-6-24", []),                              // the parser's "a month needs two digits" says it
        ("2025/2026/2027", []),
        ("06/2023", ["2023-06"]),
        ("24 June 2023", ["2023-06-24"]),
        ("June 24, 2023", ["2023-06-24"]),
        ("24 Jun 2023", ["2023-06-24"]),
        ("Jun. 24, 2023", ["2023-06-24"]),
        ("24th of June 2023", ["2023-06-24"]),
        ("Tuesday, 24 June 2023", ["2023-06-24"]),
        ("Sept 1 2023", ["2023-09-01"]),
        ("June 2023", ["2023-06"]),
        ("29 February 2024", ["2024-02-29"]),
        // Not a date people write, or no real day: no reading.
        ("29 February 2023", []),
        ("31/02/2023", []),
        ("13/13/2023", []),
        ("24 June", []),
        ("June 24 2023 2024", []),
        ("Junk 24 2023", []),
        ("2025-13-01", []),
        ("2025", []),
        ("", []),
    ])
    func readings(_ text: String, _ expected: [String]) {
        #expect(DateSuggestion.readings(of: text) == expected, "\(text)")
    }

    @Test func everyParseErrorEndsWithAdviceOrAnExample() {
        func explained(_ text: String) -> String {
            do { _ = try EDTFDate.parse(text); return "parsed" } catch { return error.explained }
        }
        #expect(explained("24/06/2023") == "EDTF writes year-month-day; did you mean 2023-06-24?")
        #expect(explained("24.08.2023") == "EDTF writes year-month-day; did you mean 2023-08-24?")
        #expect(explained("03/04/2023") ==
                "EDTF writes year-month-day; did you mean 2023-04-03 (3 April) or 2023-03-04 (4 March)? (the day or the month could come first)")
        #expect(explained("2025-13-01") == "month 13 does not exist (\(DateSuggestion.example))")
        #expect(explained("31/02/2023").hasSuffix("(\(DateSuggestion.example))"))
        #expect(explained("soon").hasSuffix("(\(DateSuggestion.example))"))
        // Valid EDTF is never second-guessed: an interval of years stays an interval.
        #expect(explained("2023/2024") == "parsed")
    }

    @Test func frontMatterSaysWhereAndWhatItMeans() throws {
        let scratch = Scratch("dossier-dates")
        scratch.copy(Repo.fixture("small"), as: "Content")
        scratch.write("Content/events/talks.md", "---\ntitle: Talks\ndate: 24/06/2023\n---\n")
        do {
            _ = try buildSite(content: scratch.path + "/Content", output: scratch.path + "/Site")
            Issue.record("the build should fail")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "\(scratch.path)/Content/events/talks.md:3:7: error: date \"24/06/2023\" is not a valid EDTF date: EDTF writes year-month-day; did you mean 2023-06-24?",
            ])
        }
    }

    @Test func theCommandLineSaysWhatItMeans() async throws {
        let scratch = Scratch("dossier-dates-cli")
        scratch.copy(Repo.fixture("small"), as: "Content")
        let result = try await DossierBinary.run(["new", "event", "Talks", "--date", "June 24, 2023"], in: scratch.path)
        #expect(result.status == 64)
        #expect(result.errors == "error: --date \"June 24, 2023\" is not a valid EDTF date: EDTF writes year-month-day; did you mean 2023-06-24?\n")
    }
}
