// EDTF: how dates read — English display text ("1–3 April 2025", "c. April 2025?") and HTML <time datetime> values.

extension EDTFDate {
    /// English text at the date's own precision: "c." before approximate dates, "?" after uncertain ones,
    /// intervals joined with an en dash and sharing the parts both ends have in common.
    public var display: String {
        switch shape {
        case .single(let e):
            return e.display
        case .interval(.open, .known(let end)):
            return "until \(end.display)"
        case .interval(.known(let start), .open):
            return "from \(start.display)"
        case .interval(.unknown, .known(let end)):
            return "? – \(end.display)"
        case .interval(.known(let start), .unknown):
            return "\(start.display) – ?"
        case .interval(.known(let start), .known(let end)):
            return compressed(start, end) ?? joinRange(start.display, end.display)
        case .interval:
            return ""  // parse rejects intervals with no known end
        }
    }

    /// A valid HTML `datetime` value: the widest plain form the date allows ("2025" for 2025-XX or a
    /// season, the first year for 201X). An interval gives its start, or its end if the start isn't known.
    public var isoDatetime: String {
        let e = primary
        let year = isoYear(e.year)
        switch (e.month, e.day) {
        case (.known(let m), .known(let d)): return "\(year)-\(pad2(m))-\(pad2(d))"
        case (.known(let m), _) where m <= 12: return "\(year)-\(pad2(m))"
        default: return year
        }
    }

    /// "1–3 April 2025" rather than "1 April 2025 – 3 April 2025". Only for two plain dates of the same
    /// precision and qualifier, so the shared "c." / "?" can honestly apply to the whole range.
    private func compressed(_ a: Endpoint, _ b: Endpoint) -> String? {
        guard a.qualifier == b.qualifier, a.unspecifiedYearDigits == 0, b.unspecifiedYearDigits == 0 else { return nil }
        if a == b { return a.display }
        let core: String
        switch (a.month, a.day, b.month, b.day) {
        case (.absent, .absent, .absent, .absent):
            core = joinRange(yearName(a.year), yearName(b.year))
        case (.known(let m1), .absent, .known(let m2), .absent) where m1 <= 12 && m2 <= 12:
            core = a.year == b.year
                ? "\(joinRange(monthNames[m1 - 1], monthNames[m2 - 1])) \(yearName(a.year))"
                : joinRange("\(monthNames[m1 - 1]) \(yearName(a.year))", "\(monthNames[m2 - 1]) \(yearName(b.year))")
        case (.known(let m1), .known(let d1), .known(let m2), .known(let d2)):
            if a.year == b.year && m1 == m2 {
                core = "\(joinRange("\(d1)", "\(d2)")) \(monthNames[m1 - 1]) \(yearName(a.year))"
            } else if a.year == b.year {
                core = "\(joinRange("\(d1) \(monthNames[m1 - 1])", "\(d2) \(monthNames[m2 - 1])")) \(yearName(a.year))"
            } else {
                core = joinRange(a.plain.core, b.plain.core)
            }
        default:
            return nil
        }
        return qualify(core, a.qualifier)
    }
}

extension EDTFDate.Endpoint {
    var display: String {
        let (core, note) = plain
        return qualify(core, qualifier) + (note.map { " (\($0))" } ?? "")
    }

    /// The date in words without its qualifier, with any "unknown" note apart so a "?" can sit on the
    /// date itself: "April 2025? (day unknown)", not "April 2025 (day unknown)?".
    var plain: (core: String, note: String?) {
        switch unspecifiedYearDigits {
        case 1: return ("\(yearName(year))s", nil)  // 201X: "2010s"
        case 2: return (edtfYear, "year unknown")    // 20XX: "2000s" would read as a decade
        default: break
        }
        let year = yearName(self.year)
        switch (month, day) {
        case (.absent, _): return (year, nil)
        case (.unspecified, .absent): return (year, "month unknown")
        case (.unspecified, _): return (year, "month and day unknown")
        case (.known(let m), _) where m > 12: return (seasonName(m), nil)
        case (.known(let m), .absent): return ("\(monthNames[m - 1]) \(year)", nil)
        case (.known(let m), .unspecified): return ("\(monthNames[m - 1]) \(year)", "day unknown")
        case (.known(let m), .known(let d)): return ("\(d) \(monthNames[m - 1]) \(year)", nil)
        }
    }

    func seasonName(_ season: Int) -> String {
        switch season {
        case 21: return "Spring \(yearName(year))"
        case 22: return "Summer \(yearName(year))"
        case 23: return "Autumn \(yearName(year))"
        default:
            // Winter spans the new year: "Winter 2025–26", "Winter 1999–2000".
            if (1000...9998).contains(year) {
                let next = year + 1
                return "Winter \(year)–\(year / 100 == next / 100 ? pad2(next % 100) : "\(next)")"
            }
            return "Winter \(joinRange(yearName(year), yearName(year + 1)))"
        }
    }
}

/// Astronomical to historical numbering for display: year 0 is 1 BC, -100 is 101 BC.
func yearName(_ year: Int) -> String {
    if year > 9999 { return "year \(year)" }
    return year >= 1 ? "\(year)" : "\(1 - year) BC"
}

func qualify(_ text: String, _ qualifier: EDTFDate.Qualifier?) -> String {
    switch qualifier {
    case nil: text
    case .uncertain: text + "?"
    case .approximate: "c. " + text
    case .uncertainAndApproximate: "c. " + text + "?"
    }
}

/// En dash closed up between single words ("1–3", "March–April"), spaced when either side has a space
/// ("30 March – 2 April"), as in the Chicago Manual of Style.
func joinRange(_ a: String, _ b: String) -> String {
    a.contains(" ") || b.contains(" ") ? "\(a) – \(b)" : "\(a)–\(b)"
}
