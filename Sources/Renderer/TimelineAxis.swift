// The timeline's time axis: an SVG drawn at build time above the list. A day is a point, a month (or any
// coarser date) a span over its days, an interval a bar; approximate and uncertain dates are dashed and faded.
// Long empty stretches are cut out of the axis (shown as a break), so a cluster of weeks is not lost beside years.

import Content
import EDTF
import Foundation

struct AxisItem: Sendable {
    var first: Int             // days since 1970, inclusive
    var last: Int
    var shape: Shape
    var hazy: Bool             // approximate or uncertain
    var isEvent: Bool
    var title: String
    var dateText: String
    var href: String
    var people: String         // data-people, as in the list

    enum Shape: String, Sendable { case point, span, bar }
}

enum TimelineAxis {
    static let width = 900.0
    static let laneHeight = 24.0
    static let maxLanes = 12
    static let gapForBreak = 150            // days with nothing in them that are cut out of the axis
    static let breakWidth = 28.0

    struct Segment { var first: Int; var last: Int; var x: Double; var width: Double }

    static func item(date: EDTFDate, isEvent: Bool, title: String, href: String, people: String) -> AxisItem? {
        let start = date.earliest == .distantPast ? date.latest : date.earliest
        let end = date.latest == .distantFuture ? start : date.latest
        guard start != .distantPast, start != .distantFuture else { return nil }
        let shape: AxisItem.Shape = date.isInterval ? .bar : (date.precision == .day ? .point : .span)
        return AxisItem(first: start.daysSince1970, last: max(end.daysSince1970, start.daysSince1970), shape: shape,
                        hazy: date.isApproximate || date.isUncertain, isEvent: isEvent, title: title,
                        dateText: date.display, href: href, people: people)
    }

    /// Runs of dates separated by more than `gapForBreak` empty days, each given a share of the width.
    static func segments(_ items: [AxisItem]) -> [Segment] {
        var runs: [(first: Int, last: Int)] = []
        for item in items.sorted(by: { $0.first < $1.first }) {
            if let last = runs.last, item.first - last.last <= gapForBreak {
                runs[runs.count - 1].last = max(last.last, item.last)
            } else {
                runs.append((item.first, item.last))
            }
        }
        // Pad each run a little, so a lone point is not on the edge and at least one month tick falls inside.
        let padded = runs.map { run -> (Int, Int) in
            let pad = max(10, (run.last - run.first) / 20)
            return (run.first - pad, run.last + pad)
        }
        let usable = width - 2 * 16 - Double(max(padded.count - 1, 0)) * breakWidth
        let weights = padded.map { Double($0.1 - $0.0 + 1).squareRoot() }
        let total = weights.reduce(0, +)
        var x = 16.0
        var result: [Segment] = []
        for (run, weight) in zip(padded, weights) {
            let w = usable * weight / total
            result.append(Segment(first: run.0, last: run.1, x: x, width: w))
            x += w + breakWidth
        }
        return result
    }

    static func x(_ day: Int, in segments: [Segment]) -> Double {
        let segment = segments.first(where: { day <= $0.last }) ?? segments[segments.count - 1]
        let fraction = Double(day - segment.first) / Double(segment.last - segment.first + 1)
        return segment.x + min(max(fraction, 0), 1) * segment.width
    }

    static func svg(_ items: [AxisItem]) -> String {
        guard !items.isEmpty else { return "" }
        let segments = segments(items)
        let n = GraphSVG.number
        // Lanes: each mark with its label takes the first lane where it fits; labels of marks near the right edge go left.
        struct Placed { var item: AxisItem; var x0: Double; var x1: Double; var lane: Int; var labelLeft: Bool; var label: String? }
        var laneEnds: [Double] = []
        var placed: [Placed] = []
        for item in items {
            let x0 = x(item.first, in: segments)
            let x1 = item.shape == .point ? x0 : max(x(item.last + 1, in: segments), x0 + 4)
            let label = item.title.count > 34 ? String(item.title.prefix(32)) + "…" : item.title
            let labelWidth = Double(label.count) * 6.2 + 10
            let labelLeft = x1 + labelWidth > width - 4
            let extentStart = labelLeft ? x0 - labelWidth - 6 : x0 - 6
            let extentEnd = labelLeft ? x1 + 6 : x1 + labelWidth
            if let lane = laneEnds.firstIndex(where: { $0 < extentStart }) {
                laneEnds[lane] = extentEnd
                placed.append(Placed(item: item, x0: x0, x1: x1, lane: lane, labelLeft: labelLeft, label: label))
            } else if laneEnds.count < maxLanes {
                laneEnds.append(extentEnd)
                placed.append(Placed(item: item, x0: x0, x1: x1, lane: laneEnds.count - 1, labelLeft: labelLeft, label: label))
            } else {
                // Out of room: the mark goes on the lowest lane without a label (its tooltip still names it).
                placed.append(Placed(item: item, x0: x0, x1: x1, lane: 0, labelLeft: false, label: nil))
            }
        }
        let lanes = max(laneEnds.count, 1)
        let axisY = 14 + Double(lanes) * laneHeight + 8
        let height = axisY + 34
        var out = "<svg class=\"tl-axis\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" aria-labelledby=\"tl-axis-title\">\n"
        out += "<title id=\"tl-axis-title\">Time axis of the events and articles listed below</title>\n<g class=\"tl-axis-scale\">\n"
        for (i, segment) in segments.enumerated() {
            out += "<line class=\"tl-axis-line\" x1=\"\(n(segment.x))\" y1=\"\(n(axisY))\" x2=\"\(n(segment.x + segment.width))\" y2=\"\(n(axisY))\"/>\n"
            if i > 0 {
                let bx = segment.x - breakWidth / 2
                out += "<path class=\"tl-axis-break\" d=\"M\(n(bx - 7)) \(n(axisY + 6)) L\(n(bx - 1)) \(n(axisY - 6)) M\(n(bx + 1)) \(n(axisY + 6)) L\(n(bx + 7)) \(n(axisY - 6))\"/>\n"
            }
            out += ticks(segment, axisY: axisY)
        }
        out += "</g>\n<g class=\"tl-axis-marks\">\n"
        for p in placed {
            let y = 14 + Double(p.lane) * laneHeight + laneHeight / 2
            let item = p.item
            let classes = ["tl-mark", "tl-mark-\(item.shape.rawValue)", item.isEvent ? "tl-mark-event" : "tl-mark-article"]
                + (item.hazy ? ["tl-mark-hazy"] : [])
            out += "<a class=\"\(classes.joined(separator: " "))\" href=\"\(HTML.escape(item.href))\" data-people=\"\(HTML.escape(item.people))\">"
            out += "<title>\(HTML.escape(item.title + " — " + (item.isEvent ? "Event" : "Article") + ", " + item.dateText + (item.hazy ? " (approximate or uncertain date)" : "")))</title>"
            out += "<line class=\"tl-mark-stem\" x1=\"\(n(p.x0))\" y1=\"\(n(y))\" x2=\"\(n(p.x0))\" y2=\"\(n(axisY))\"/>"
            switch item.shape {
            case .point: out += "<circle cx=\"\(n(p.x0))\" cy=\"\(n(y))\" r=\"5\"/>"
            case .span: out += "<rect x=\"\(n(p.x0))\" y=\"\(n(y - 6))\" width=\"\(n(p.x1 - p.x0))\" height=\"12\" rx=\"3\"/>"
            case .bar: out += "<rect x=\"\(n(p.x0))\" y=\"\(n(y - 4))\" width=\"\(n(p.x1 - p.x0))\" height=\"8\" rx=\"2\"/>"
            }
            if let label = p.label {
                let lx = p.labelLeft ? p.x0 - 8 : p.x1 + 8
                out += "<text x=\"\(n(lx))\" y=\"\(n(y + 4))\"\(p.labelLeft ? " text-anchor=\"end\"" : "")>\(HTML.escape(label))</text>"
            }
            out += "</a>\n"
        }
        return out + "</g>\n</svg>"
    }

    /// Ticks along a segment, at most about a dozen whatever its span: months (labelled with the month, and the
    /// year at January and at the segment's start) for up to two years; beyond, years at a step of 1, 2 or 5 times
    /// a power of ten (decades, centuries, millennia, ... up to billions of years), chosen from the span and
    /// computed in closed form, so an event dated `Y-10000000/2025` costs a dozen ticks, not a tick per month.
    static func ticks(_ segment: Segment, axisY: Double) -> String {
        let start = DayStamp(daysSince1970: segment.first), end = DayStamp(daysSince1970: segment.last)
        let months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months > 24 { return yearTicks(segment, from: start.year, to: end.year, axisY: axisY) }
        let n = GraphSVG.number
        let step = months > 10 ? 3 : 1
        var out = ""
        var year = start.year, month = start.month
        var index = 0
        if start.day > 1 { month += 1; if month > 12 { month = 1; year += 1 } }   // the first whole month inside
        while DayStamp(year: year, month: month, day: 1).daysSince1970 <= segment.last {  // at most 25 months
            let day = DayStamp(year: year, month: month, day: 1).daysSince1970
            if index % step == 0 || index == 0 {
                let tx = x(day, in: [segment])
                let name = String(PageBuilder.monthNames[month - 1].prefix(3))
                let label = index == 0 || month == 1 ? "\(name) \(year)" : name
                out += "<line class=\"tl-axis-tick\" x1=\"\(n(tx))\" y1=\"\(n(axisY))\" x2=\"\(n(tx))\" y2=\"\(n(axisY + 5))\"/>"
                out += "<text class=\"tl-axis-label\" x=\"\(n(tx + 2))\" y=\"\(n(axisY + 19))\">\(label)</text>\n"
            }
            index += 1
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return out
    }

    /// The most ticks a segment gets beyond two years.
    static let maxYearTicks = 12

    /// The step between yearly ticks for a span of `years`: the least of 1, 2, 5, 10, 20, 50, ... that gives at
    /// most `maxYearTicks` ticks.
    static func yearStep(span years: Int) -> Int {
        var step = 1
        while years / step > maxYearTicks {
            let next = String(step).first == "2" ? step / 2 * 5 : step * 2     // 1, 2, 5, 10, 20, 50, ...
            guard next > step, next <= Int.max / 10 else { break }
            step = next
        }
        return step
    }

    /// Ticks on 1 January of every `step`-th year from `first` to `last`, in historical numbering (BC years
    /// counted back from 1 BC, so the ticks fall on 100 BC, 200 BC, not 101 BC). At most `maxYearTicks` + 1.
    static func yearTicks(_ segment: Segment, from first: Int, to last: Int, axisY: Double) -> String {
        let n = GraphSVG.number
        let step = yearStep(span: last - first)
        var out = ""
        // Historical numbers: AD years as they are, 1 BC as -1 (astronomical 0), so multiples of the step are round.
        func historical(_ year: Int) -> Int { year > 0 ? year : year - 1 }
        func astronomical(_ h: Int) -> Int { h > 0 ? h : h + 1 }
        let low = historical(first), high = historical(last)
        var k = low >= 0 ? (low + step - 1) / step : -((-low) / step)            // the first multiple ≥ low
        while k * step <= high {
            let h = k * step
            k += 1
            if h == 0 { continue }                                                   // no year 0 in historical numbering
            let year = astronomical(h)
            let day = DayStamp(year: year, month: 1, day: 1).daysSince1970
            guard day >= segment.first, day <= segment.last else { continue }
            let tx = x(day, in: [segment])
            let label = h > 0 ? (h > 9999 ? "year \(h)" : "\(h)") : "\(-h) BC"
            out += "<line class=\"tl-axis-tick\" x1=\"\(n(tx))\" y1=\"\(n(axisY))\" x2=\"\(n(tx))\" y2=\"\(n(axisY + 5))\"/>"
            out += "<text class=\"tl-axis-label\" x=\"\(n(tx + 2))\" y=\"\(n(axisY + 19))\">\(label)</text>\n"
        }
        return out
    }
}
