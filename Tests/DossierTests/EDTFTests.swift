// Tests for the EDTF module: parsing and round-trips, display, ISO values, day ranges, ordering, errors.
import Foundation  // JSONDecoder for the Codable test only
import Testing
import EDTF

@Suite struct EDTFTests {
    /// Canonical forms of everything level 0 and 1 allow; each must parse and print back identically.
    static let canonical = [
        "2025", "2025-04", "2025-04-02", "0000", "-0100", "-0100-03-01", "Y170000002", "Y-170000002",
        "2025-04-01/2025-04-03", "2025-03/2025-04-15", "../2025-04", "2025-04/..", "/2025", "2025/",
        "2025?", "2025-04~", "2025-04-01%", "2004-06~/2004-06-11%", "201X", "20XX", "201X?",
        "2025-XX", "2025-04-XX", "2025-XX-XX", "2025-21", "2025-22", "2025-23", "2025-24~",
        "Y170000002/..", "2015/201X", "2024-02-29", "2000-02-29",
    ]

    @Test(arguments: canonical)
    func roundTrips(_ text: String) throws {
        let date = try EDTFDate.parse(text)
        #expect(date.edtf == text)
        #expect(try EDTFDate.parse(date.edtf) == date)
    }

    @Test func trimsSurroundingWhitespace() throws {
        #expect(try EDTFDate.parse("  2025-04-02\n").edtf == "2025-04-02")
    }

    @Test(arguments: [
        ("2025", "2025"), ("2025-04", "April 2025"), ("2025-04-02", "2 April 2025"),
        ("2025-04-01~", "c. 1 April 2025"), ("2025-04?", "April 2025?"), ("2025-04-01%", "c. 1 April 2025?"),
        ("2025-04-01/2025-04-03", "1–3 April 2025"), ("2025-03-30/2025-04-02", "30 March – 2 April 2025"),
        ("2024-12-30/2025-01-02", "30 December 2024 – 2 January 2025"), ("2025-03/2025-04", "March–April 2025"),
        ("2024-12/2025-01", "December 2024 – January 2025"), ("2021/2025", "2021–2025"),
        ("2025-04-01~/2025-04-03~", "c. 1–3 April 2025"), ("2025-04-02/2025-04-02", "2 April 2025"),
        ("2025-04-01/2025-04-03?", "1 April 2025 – 3 April 2025?"), ("2025-03/2025-04-15", "March 2025 – 15 April 2025"),
        ("../2025-04", "until April 2025"), ("2025-04/..", "from April 2025"), ("/2025", "? – 2025"), ("2025/", "2025 – ?"),
        ("201X", "2010s"), ("20XX", "20XX (year unknown)"), ("2025-XX", "2025 (month unknown)"),
        ("2025-04-XX", "April 2025 (day unknown)"), ("2025-XX-XX", "2025 (month and day unknown)"),
        ("2025-04-XX?", "April 2025? (day unknown)"),
        ("2025-21", "Spring 2025"), ("2025-22", "Summer 2025"), ("2025-23", "Autumn 2025"),
        ("2025-24", "Winter 2025–26"), ("1999-24", "Winter 1999–2000"),
        ("-0100", "101 BC"), ("0000", "1 BC"), ("-0043-03-15", "15 March 44 BC"), ("Y170000002", "year 170000002"),
    ])
    func display(_ text: String, _ expected: String) throws {
        #expect(try EDTFDate.parse(text).display == expected)
    }

    @Test(arguments: [
        ("2025", "2025"), ("2025-04", "2025-04"), ("2025-04-02~", "2025-04-02"), ("2025-XX", "2025"),
        ("2025-04-XX", "2025-04"), ("2025-XX-XX", "2025"), ("2025-24", "2025"), ("201X", "2010"),
        ("2025-04-01/2025-05", "2025-04-01"), ("../2025-04", "2025-04"), ("-0100", "-0100"), ("Y170000002", "170000002"),
    ])
    func isoDatetime(_ text: String, _ expected: String) throws {
        #expect(try EDTFDate.parse(text).isoDatetime == expected)
    }

    @Test(arguments: [
        ("2025", "2025-01-01", "2025-12-31"), ("2025-04", "2025-04-01", "2025-04-30"),
        ("2025-04-02", "2025-04-02", "2025-04-02"), ("2025-04-02?", "2025-04-02", "2025-04-02"),
        // Gregorian leap years: every 4th, except centuries, except every 400th (year 0 included).
        ("2024-02", "2024-02-01", "2024-02-29"), ("2025-02", "2025-02-01", "2025-02-28"),
        ("1900-02", "1900-02-01", "1900-02-28"), ("2000-02", "2000-02-01", "2000-02-29"),
        ("0000-02", "0000-02-01", "0000-02-29"), ("-0001-02", "-0001-02-01", "-0001-02-28"),
        ("201X", "2010-01-01", "2019-12-31"), ("20XX", "2000-01-01", "2099-12-31"),
        ("2025-XX", "2025-01-01", "2025-12-31"), ("2025-04-XX", "2025-04-01", "2025-04-30"),
        ("2025-21", "2025-03-01", "2025-05-31"), ("2025-22", "2025-06-01", "2025-08-31"),
        ("2025-23", "2025-09-01", "2025-11-30"), ("2023-24", "2023-12-01", "2024-02-29"),
        ("2025-03/2025-04-15", "2025-03-01", "2025-04-15"),
    ])
    func dayRange(_ text: String, _ earliest: String, _ latest: String) throws {
        let date = try EDTFDate.parse(text)
        #expect(date.earliest.iso == earliest)
        #expect(date.latest.iso == latest)
    }

    @Test func openAndUnknownEndsUseSentinels() throws {
        #expect(try EDTFDate.parse("../2025").earliest == .distantPast)
        #expect(try EDTFDate.parse("/2025").earliest == .distantPast)
        #expect(try EDTFDate.parse("2025/..").latest == .distantFuture)
        #expect(try EDTFDate.parse("2025/").latest == .distantFuture)
    }

    @Test(arguments: [
        ("20XX", EDTFDate.Precision.century), ("201X", .decade), ("2025", .year), ("2025-XX", .year),
        ("2025-21", .season), ("2025-04", .month), ("2025-04-XX", .month), ("2025-04-02", .day),
        ("../2025-04-02", .day), ("2025/2025-04-02", .year),
    ])
    func precision(_ text: String, _ expected: EDTFDate.Precision) throws {
        #expect(try EDTFDate.parse(text).precision == expected)
    }

    @Test func flagsAndGroupingFields() throws {
        let uncertain = try EDTFDate.parse("2025?"), approximate = try EDTFDate.parse("2025~")
        let both = try EDTFDate.parse("2025%"), interval = try EDTFDate.parse("2025-04/2025-05~")
        #expect(uncertain.isUncertain && !uncertain.isApproximate && !uncertain.isInterval)
        #expect(!approximate.isUncertain && approximate.isApproximate)
        #expect(both.isUncertain && both.isApproximate)
        #expect(interval.isInterval && interval.isApproximate && !interval.isUncertain)

        let day = try EDTFDate.parse("2025-04-02")
        #expect(day.year == 2025 && day.month == 4)
        #expect(try EDTFDate.parse("2025").month == nil)
        #expect(try EDTFDate.parse("2025-21").month == nil)
        #expect(try EDTFDate.parse("201X").year == 2010)
        #expect(try EDTFDate.parse("../2025").year == nil)
    }

    @Test func sortsByEarliestThenLatestThenText() throws {
        let expected = [
            "../2025-04", "/2025", "-0100", "201X", "2024-24", "2025", "2025-01-15", "2025-21",
            "2025-04-01", "2025-04-01/2025-04-03", "2025-04", "2025-04/..", "2025-04-02", "2025-04-02~", "2026",
        ]
        let scrambled = ["2025-04-02~", "2026", "201X", "2025-04", "/2025", "2025-04-01/2025-04-03", "2025-21",
                         "2025", "2025-04/..", "-0100", "2025-04-02", "../2025-04", "2024-24", "2025-04-01", "2025-01-15"]
        #expect(Set(scrambled) == Set(expected))
        for order in [scrambled, expected.reversed(), expected.shuffled()] {
            #expect(try order.map(EDTFDate.parse).sorted().map(\.edtf) == expected)
        }
    }

    @Test(arguments: [
        ("", "the date is empty", 0), ("   ", "the date is empty", 0),
        ("2025-13-01", "month 13 does not exist", 5), ("2025-00", "month 0 does not exist", 5),
        ("2025-25", "seasons are 21–24", 5), ("  2025-13", "month 13 does not exist", 7),
        ("2025-04-31", "April has 30 days, not 31", 8), ("2025-01-32", "day 32 does not exist", 8),
        ("2025-02-29", "2025 is not a leap year (February 29)", 8), ("1900-02-29", "1900 is not a leap year", 8),
        ("2024-02-30", "February 2024 has 29 days, not 30", 8), ("2025-04-00", "day 0 does not exist", 8),
        ("25-04-01", "a year needs four digits", 0), ("-25", "a year needs four digits", 0),
        ("20251", "needs a 'Y' prefix: Y20251", 0), ("Y2025", "write 2025", 0),
        ("Y170000002-01", "cannot have a month", 10), ("-0000", "year zero has no sign", 0),
        ("2025-04-0x", "unexpected character 'x'", 9), ("2025-04-02!", "unexpected character '!' after '2025-04-02'", 10),
        ("abc", "unexpected character 'a' at the start", 0), ("2025 - 04", "spaces are not allowed", 4),
        ("2025–2026", "use '/'", 4), ("2025-04-02T10:00", "times are not supported; give the date only (2025-04-02)", 10),
        ("2025//2026", "exactly one '/'", 5), ("2025/2026/2027", "exactly one '/'", 9),
        ("/", "at least one known end", 0), ("../..", "at least one known end", 0),
        ("..", "open end", 0), ("2025..2026", "whole side of an interval", 4),
        ("2025-04/2025-03", "the interval ends (2025-03) before it starts (2025-04)", 8),
        ("2025-4", "a month needs two digits", 5), ("2025-04-2", "a day needs two digits", 8),
        ("2025-", "expected a month", 5), ("2025-1X", "two digits or XX", 5),
        ("2025?-04", "goes at the end of a date", 4), ("?2025", "goes at the end of a date", 0),
        ("2025?~", "use % for uncertain and approximate", 5),
        ("2X25", "last one or two digits", 1), ("2XXX", "last one or two digits", 1),
        ("201X-04", "cannot have a month", 5), ("2025-XX-15", "a day needs a known month", 8),
        ("2025-21-01", "a season has no day", 8),
    ])
    func rejects(_ text: String, _ words: String, _ offset: Int) {
        let error = #expect(throws: EDTFError.self) { try EDTFDate.parse(text) }
        #expect(error?.message.contains(words) == true, "message was: \(error?.message ?? "none")")
        #expect(error?.offset == offset)
    }

    @Test func buildsDatesProgrammatically() throws {
        let wednesday = try EDTFDate(year: 2025, month: 4, day: 2)
        #expect(wednesday == (try EDTFDate.parse("2025-04-02")))
        #expect(try EDTFDate(year: 2025, month: 4, qualifier: .approximate).edtf == "2025-04~")
        #expect(try EDTFDate(year: -100).edtf == "-0100")
        #expect(try EDTFDate(year: 170000002).edtf == "Y170000002")
        #expect(throws: EDTFError(message: "2025 is not a leap year (February 29)", offset: 8)) {
            try EDTFDate(year: 2025, month: 2, day: 29)
        }
        #expect(try EDTFDate.interval(from: wednesday, to: nil).edtf == "2025-04-02/..")
        let earlier = try EDTFDate(year: 2025, month: 3)
        #expect(try EDTFDate.interval(from: earlier, to: wednesday).display == "March 2025 – 2 April 2025")
        #expect(throws: EDTFError.self) { try EDTFDate.interval(from: wednesday, to: earlier) }
    }

    @Test func containsAndOverlaps() throws {
        let april = try EDTFDate.parse("2025-04"), days = try EDTFDate.parse("2025-04-01/2025-04-03")
        #expect(april.contains(DayStamp(year: 2025, month: 4, day: 30)))
        #expect(!april.contains(DayStamp(year: 2025, month: 5, day: 1)))
        #expect(try EDTFDate.parse("2025-04/..").contains(DayStamp(year: 3000, month: 1, day: 1)))
        #expect(try EDTFDate.parse("2025-24").contains(DayStamp(year: 2026, month: 2, day: 15)))
        #expect(days.overlaps(try EDTFDate.parse("2025-04-03")))
        #expect(!days.overlaps(try EDTFDate.parse("2025-04-04")))
        #expect(days.overlaps(april) && april.overlaps(days))
    }

    @Test func dayArithmetic() {
        #expect(DayStamp(year: 1970, month: 1, day: 1).daysSince1970 == 0)
        #expect(DayStamp(year: 2025, month: 4, day: 2).weekday == 3)  // a Wednesday
        #expect(DayStamp(year: 2000, month: 2, day: 28).adding(days: 1).iso == "2000-02-29")
        #expect(DayStamp(year: 1900, month: 2, day: 28).adding(days: 1).iso == "1900-03-01")
        #expect(DayStamp(year: 2025, month: 4, day: 2).adding(days: -92).iso == "2024-12-31")
        #expect(DayStamp(year: -100, month: 3, day: 1).iso == "-0100-03-01")
        for days in stride(from: -1_000_000, through: 1_000_000, by: 9973) {
            #expect(DayStamp(daysSince1970: days).daysSince1970 == days)
        }
    }

    @Test func codableUsesEDTFText() throws {
        let dates = try JSONDecoder().decode([EDTFDate].self, from: Data(#"["2025-04-01~", 2025]"#.utf8))
        #expect(dates.map(\.edtf) == ["2025-04-01~", "2025"])
        #expect(String(decoding: try JSONEncoder().encode(dates), as: UTF8.self) == #"["2025-04-01~","2025"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([EDTFDate].self, from: Data(#"["2025-13"]"#.utf8)) }
    }
}
