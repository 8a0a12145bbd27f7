// The relations graph: people and events as nodes, "mentioned in the same articles" and "took part in" as edges,
// laid out at build time into a static SVG: the same dossier always gives the same picture, byte for byte, and no
// script is needed. Up to a dozen people sit on a circle, events round them near their people; past a dozen (a
// circle of 13 was a hairball) a force-directed layout from those same starting places, a fixed number of steps,
// then each label put where it overlaps no other label or node and crosses the fewest lines.

import Content
import Foundation

struct GraphNode: Sendable, Equatable {
    enum Kind: Sendable { case person, event }
    var kind: Kind
    var label: String
    var detail: String          // the tooltip's second part: role, or date and place
    var href: String            // from the page the graph is on
    var size: Double            // radius
}

struct GraphEdge: Sendable, Equatable {
    var a: Int, b: Int          // node indices
    var weight: Int             // shared articles (people), or 1 + articles covering both (person–event)
    var label: String           // "Kirill Dmitriev and Steve Witkoff: 2 shared articles"
}

struct Graph: Sendable {
    var nodes: [GraphNode] = []
    var edges: [GraphEdge] = []
}

struct Point: Sendable, Equatable { var x: Double; var y: Double }

/// An axis-aligned box: a label's extent as the layout estimates it (characters × an average width).
struct Rect: Sendable, Equatable {
    var x: Double, y: Double, width: Double, height: Double

    func intersects(_ other: Rect) -> Bool {
        x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
    }

    /// Whether the segment from `a` to `b` passes through the box (Liang–Barsky clipping).
    func crosses(_ a: Point, _ b: Point) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - x), (dx, x + width - a.x), (-dy, a.y - y), (dy, y + height - a.y)] {
            if p == 0 { if q < 0 { return false }; continue }
            let r = q / p
            if p < 0 { if r > t1 { return false }; t0 = max(t0, r) } else { if r < t0 { return false }; t1 = min(t1, r) }
        }
        return t0 < t1
    }
}

/// A placed label: its lines, the text anchor and the first baseline, and the box it takes.
struct GraphLabel: Sendable, Equatable {
    var lines: [String]
    var anchor: String
    var x: Double, y: Double
    var box: Rect
}

enum GraphLayout {
    /// People evenly on an inner circle (in the given order), events on an outer ellipse, each event as near
    /// as the others allow to the mean direction of the people who took part in it. Pure arithmetic, no randomness:
    /// the picture depends only on the dossier.
    static func rings(_ graph: Graph, width: Double, height: Double) -> [Point] {
        let centre = Point(x: width / 2, y: height / 2)
        let people = graph.nodes.indices.filter { graph.nodes[$0].kind == .person }
        let events = graph.nodes.indices.filter { graph.nodes[$0].kind == .event }
        var angle = [Double](repeating: 0, count: graph.nodes.count)
        for (i, node) in people.enumerated() { angle[node] = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(max(people.count, 1)) }
        // Where each event would like to be: the mean direction of its people (or its place in the list if it has none).
        var wish: [(node: Int, angle: Double)] = []
        for (i, node) in events.enumerated() {
            var x = 0.0, y = 0.0
            for edge in graph.edges where edge.a == node || edge.b == node {
                let other = edge.a == node ? edge.b : edge.a
                x += cos(angle[other]); y += sin(angle[other])
            }
            let wanted = (x * x + y * y) > 1e-9 ? atan2(y, x) : -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(max(events.count, 1))
            wish.append((node, wanted))
        }
        wish.sort { $0.angle != $1.angle ? $0.angle < $1.angle : $0.node < $1.node }
        // Events take evenly spaced slots in that order; of 360 rotations, the one closest to every wish wins.
        let m = Double(max(wish.count, 1))
        var bestOffset = 0.0, bestCost = Double.infinity
        for step in 0..<360 {
            let offset = Double(step) * Double.pi / 180
            var cost = 0.0
            for (i, w) in wish.enumerated() {
                let d = remainder(offset + 2 * Double.pi * Double(i) / m - w.angle, 2 * Double.pi)
                cost += d * d
            }
            if cost < bestCost - 1e-12 { bestCost = cost; bestOffset = offset }
        }
        for (i, w) in wish.enumerated() { angle[w.node] = bestOffset + 2 * Double.pi * Double(i) / m }
        let inner = min(width, height) * 0.22
        return graph.nodes.indices.map { node in
            let isPerson = graph.nodes[node].kind == .person
            let rx = isPerson ? inner : width / 2 - 175, ry = isPerson ? inner : height / 2 - 60
            return Point(x: ((centre.x + cos(angle[node]) * rx) * 10).rounded() / 10,
                         y: ((centre.y + sin(angle[node]) * ry) * 10).rounded() / 10)
        }
    }

    /// Past this many people the circle gives way to `force`.
    static let circlePeople = 12

    /// The height of a `force` picture 1000 wide: 700 up to 30 nodes, then 16 more a node (1,340 for 70).
    static func forceHeight(nodes: Int) -> Int { 700 + 16 * max(0, nodes - 30) }

    /// Fruchterman–Reingold from the `rings` positions: every pair of nodes pushes apart, every edge pulls its ends
    /// together, a weak pull to the middle keeps loose nodes in, and the step shrinks over a fixed number of
    /// iterations. No randomness: the same graph gives the same points. O(iterations × nodes²) on at most the
    /// 70 nodes drawn.
    static func force(_ graph: Graph, width: Double, height: Double, iterations: Int = 300) -> [Point] {
        var points = rings(graph, width: width, height: height)
        let n = points.count
        guard n > 1 else { return points }
        let marginX = 110.0, marginY = 45.0
        let k = 0.75 * ((width - 2 * marginX) * (height - 2 * marginY) / Double(n)).squareRoot()
        let centre = Point(x: width / 2, y: height / 2)
        for step in 0..<iterations {
            var dx = [Double](repeating: 0, count: n), dy = [Double](repeating: 0, count: n)
            for i in 0..<n {
                for j in (i + 1)..<n {
                    var x = points[i].x - points[j].x, y = points[i].y - points[j].y
                    if abs(x) < 0.01 && abs(y) < 0.01 { x = 0.01 * Double(j - i); y = 0.01 }   // two in one place part the same way each run
                    // Distances across count less than distances down: labels are wide, so nodes side by side need more room.
                    let d2 = max(0.4 * x * x + y * y, 1e-4), f = k * k / d2
                    dx[i] += x * f; dy[i] += y * f; dx[j] -= x * f; dy[j] -= y * f
                }
            }
            for edge in graph.edges {
                let x = points[edge.a].x - points[edge.b].x, y = points[edge.a].y - points[edge.b].y
                let d = max((x * x + y * y).squareRoot(), 0.01), f = d / k * min(1 + log(Double(edge.weight)) / 2, 2)
                dx[edge.a] -= x * f; dy[edge.a] -= y * f; dx[edge.b] += x * f; dy[edge.b] += y * f
            }
            let temperature = width / 12 * (1 - Double(step) / Double(iterations)) + 0.5
            for i in 0..<n {
                dx[i] += (centre.x - points[i].x) * 0.03 * k / 100; dy[i] += (centre.y - points[i].y) * 0.045 * k / 100
                let length = max((dx[i] * dx[i] + dy[i] * dy[i]).squareRoot(), 1e-9), move = min(length, temperature)
                points[i].x = min(max(points[i].x + dx[i] / length * move, marginX), width - marginX)
                points[i].y = min(max(points[i].y + dy[i] / length * move, marginY), height - marginY)
            }
        }
        return points.map { Point(x: ($0.x * 10).rounded() / 10, y: ($0.y * 10).rounded() / 10) }
    }

    /// Where each node's label goes, for `force` layouts: nodes largest first each try places round themselves
    /// (right, left, below, above, the corners, then twice as far) and take the first that overlaps no label
    /// already placed and no node, within the picture, crossing the fewest edges; when none is clear, the least bad.
    static func labels(_ graph: Graph, at points: [Point], width: Double, height: Double) -> [GraphLabel] {
        let order = graph.nodes.indices.sorted { (graph.nodes[$0].size, -$0) > (graph.nodes[$1].size, -$1) }
        var placed = [GraphLabel?](repeating: nil, count: graph.nodes.count)
        var boxes: [Rect] = []
        let nodeBoxes = graph.nodes.indices.map { i in
            Rect(x: points[i].x - graph.nodes[i].size, y: points[i].y - graph.nodes[i].size, width: 2 * graph.nodes[i].size, height: 2 * graph.nodes[i].size)
        }
        let segments = graph.edges.map { (points[$0.a], points[$0.b]) }
        for i in order {
            let node = graph.nodes[i], p = points[i]
            let lines = GraphSVG.wrap(node.label, width: node.kind == .person ? 24 : 22)
            let charWidth = node.kind == .person ? 8.6 : 7.4, lineHeight = 15.0
            let w = Double(lines.map(\.count).max() ?? 0) * charWidth, h = Double(lines.count) * lineHeight
            var best: (cost: Double, label: GraphLabel)?
            for (c, candidate) in candidates(size: node.size, w: w, h: h).enumerated() {
                let box = Rect(x: p.x + candidate.dx, y: p.y + candidate.dy, width: w, height: h)
                // A label far from its node is harder to read as its own: 130 px away costs half as much as a line through it.
                var cost = Double(c) * 0.001 + candidate.far * 0.04
                if box.x < 2 || box.y < 2 || box.x + w > width - 2 || box.y + h > height - 2 { cost += 10_000 }
                cost += 1_000 * Double(boxes.filter { $0.intersects(box) }.count)
                cost += 1_000 * Double(nodeBoxes.indices.filter { $0 != i && nodeBoxes[$0].intersects(box) }.count)
                cost += 10 * Double(segments.filter { box.crosses($0.0, $0.1) }.count)
                if best == nil || cost < best!.cost {
                    let x = candidate.anchor == "start" ? box.x : candidate.anchor == "end" ? box.x + w : box.x + w / 2
                    best = (cost, GraphLabel(lines: lines, anchor: candidate.anchor, x: (x * 10).rounded() / 10,
                                             y: ((box.y + 11.5) * 10).rounded() / 10, box: box))
                }
                if cost < 0.5 { break }
            }
            placed[i] = best!.label
            boxes.append(best!.label.box)
        }
        return placed.map { $0! }
    }

    /// Label places round a node of radius `size`, as offsets of the label box's top left corner, nearest first,
    /// with how much further than the nearest they are.
    private static func candidates(size: Double, w: Double, h: Double) -> [(dx: Double, dy: Double, anchor: String, far: Double)] {
        var out: [(dx: Double, dy: Double, anchor: String, far: Double)] = []
        for far in [0.0, 10.0, 22.0, 36.0, 54.0, 76.0, 100.0, 130.0] {
            let gap = size + 4 + far
            let places: [(Double, Double, String)] = [(gap, -h / 2, "start"), (-gap - w, -h / 2, "end"), (-w / 2, gap, "middle"), (-w / 2, -gap - h, "middle"),
                    (gap * 0.7, gap * 0.7 - 4, "start"), (-gap * 0.7 - w, gap * 0.7 - 4, "end"),
                    (gap * 0.7, -gap * 0.7 - h + 4, "start"), (-gap * 0.7 - w, -gap * 0.7 - h + 4, "end"),
                    (-w * 0.15, gap, "start"), (-w * 0.85, gap, "end"), (-w * 0.15, -gap - h, "start"), (-w * 0.85, -gap - h, "end")]
            out += places.map { ($0.0, $0.1, $0.2, far) }
        }
        return out
    }

    /// The first node in the middle, the others evenly round it on an ellipse, in their given order.
    static func radial(count: Int, width: Double, height: Double) -> [Point] {
        guard count > 0 else { return [] }
        var points = [Point(x: width / 2, y: height / 2 - 10)]
        let others = count - 1
        for i in 0..<others {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(others)
            let x = width / 2 + cos(angle) * (width / 2 - 185), y = height / 2 - 10 + sin(angle) * (height / 2 - 55)
            points.append(Point(x: (x * 10).rounded() / 10, y: (y * 10).rounded() / 10))
        }
        return points
    }
}

enum GraphSVG {
    /// The graph as inline SVG: edges first, then nodes as links with a tooltip and a label below.
    static func render(_ graph: Graph, at points: [Point], labels placed: [GraphLabel]? = nil, width: Int, height: Int, id: String, title: String) -> String {
        var out = "<svg class=\"graph\" id=\"\(id)\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" aria-labelledby=\"\(id)-title\">\n"
        out += "<title id=\"\(id)-title\">\(HTML.escape(title))</title>\n<g class=\"graph-edges\">\n"
        for edge in graph.edges {
            let a = points[edge.a], b = points[edge.b]
            let kind = graph.nodes[edge.a].kind == .event || graph.nodes[edge.b].kind == .event ? "graph-edge-event" : "graph-edge-people"
            let strokeWidth = min(1.5 + Double(edge.weight - 1) * 1.5, 7)
            out += "<line class=\"graph-edge \(kind)\" x1=\"\(number(a.x))\" y1=\"\(number(a.y))\" x2=\"\(number(b.x))\" y2=\"\(number(b.y))\" stroke-width=\"\(number(strokeWidth))\"><title>\(HTML.escape(edge.label))</title></line>\n"
        }
        out += "</g>\n<g class=\"graph-nodes\">\n"
        for (i, node) in graph.nodes.enumerated() {
            let p = points[i]
            let kind = node.kind == .person ? "graph-person" : "graph-event"
            out += "<a class=\"graph-node \(kind)\" href=\"\(HTML.escape(node.href))\"><title>\(HTML.escape(node.label + (node.detail.isEmpty ? "" : " — " + node.detail)))</title>"
            switch node.kind {
            case .person:
                out += "<circle cx=\"\(number(p.x))\" cy=\"\(number(p.y))\" r=\"\(number(node.size))\"/>"
            case .event:
                let s = node.size
                out += "<rect x=\"\(number(p.x - s))\" y=\"\(number(p.y - s))\" width=\"\(number(2 * s))\" height=\"\(number(2 * s))\" rx=\"2\" transform=\"rotate(45 \(number(p.x)) \(number(p.y)))\"/>"
            }
            if let label = placed?[i] {
                out += "<text x=\"\(number(label.x))\" y=\"\(number(label.y))\" text-anchor=\"\(label.anchor)\">"
                for (l, line) in label.lines.enumerated() {
                    out += "<tspan x=\"\(number(label.x))\"\(l > 0 ? " dy=\"15\"" : "")>\(HTML.escape(line))</tspan>"
                }
                out += "</text></a>\n"
                continue
            }
            // The label goes on the side facing away from the middle, so it stays clear of the edges.
            let lines = wrap(node.label, width: node.kind == .person ? 24 : 22)
            let dx = p.x - Double(width) / 2, dy = p.y - Double(height) / 2
            let distance = (dx * dx + dy * dy).squareRoot()
            let lineHeight = 15.0
            var anchor = "middle", lx = p.x, ly = p.y + node.size + 15
            if distance > 1 && abs(dx / distance) >= 0.35 {
                anchor = dx > 0 ? "start" : "end"
                lx = p.x + (dx > 0 ? 1 : -1) * (node.size + 7)
                ly = p.y + 4.5 - Double(lines.count - 1) * lineHeight / 2
            } else if distance > 1 && dy < 0 {
                ly = p.y - node.size - 8 - Double(lines.count - 1) * lineHeight
            }
            out += "<text x=\"\(number(lx))\" y=\"\(number(ly))\" text-anchor=\"\(anchor)\">"
            for (l, line) in lines.enumerated() {
                out += "<tspan x=\"\(number(lx))\"\(l > 0 ? " dy=\"\(Int(lineHeight))\"" : "")>\(HTML.escape(line))</tspan>"
            }
            out += "</text></a>\n"
        }
        return out + "</g>\n</svg>"
    }

    /// Up to three lines of at most `width` characters, broken at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty { current = String(word) }
            else if current.count + 1 + word.count <= width { current += " " + word }
            else { lines.append(current); current = String(word) }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > 3 { lines = Array(lines.prefix(3)); lines[2] += " …" }
        return lines
    }

    /// "12", "12.5", "-0.5": the shortest text for a coordinate rounded to a tenth, the same on every run. Counted in
    /// whole tenths rather than printed by `String(format:)`, which was most of drawing a person's neighbourhood.
    static func number(_ value: Double) -> String {
        let scaled = (value * 10).rounded()
        guard abs(scaled) < 1e15 else {                                  // never a drawing's, but printed as before
            let rounded = scaled / 10
            return rounded == rounded.rounded() && abs(rounded) < 1e18 ? String(Int(rounded)) : String(format: "%.1f", rounded)
        }
        let tenths = Int(scaled)
        if tenths % 10 == 0 { return String(tenths / 10) }
        let magnitude = tenths.magnitude
        return (tenths < 0 ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}

extension PageBuilder {
    /// Beyond these the picture stops being readable: the graph keeps the people named most often and the events
    /// with most of them, and the tables keep the strongest pairs.
    static let graphPeople = 40, graphEvents = 30, tablePairs = 200
    /// Past a dozen people, each person's lines to others are cut to their strongest few (a pair is drawn when it
    /// is among the strongest of either): 40 people named together in every article would be 780 lines.
    static let strongestPairs = 3
    /// The largest radius of a person's node: by square root of their articles up to 36 articles, then no larger
    /// (at 10,000 articles a radius grown without bound covered the picture).
    static let largestNode = 22.0

    func personNode(_ p: Int, root: String) -> GraphNode {
        let person = dossier.people[p]
        return GraphNode(kind: .person, label: person.name, detail: person.role ?? "", href: root + Paths.person(person.slug),
                         size: min(7 + 2.5 * Double(dossier.articlesOfPerson[p].count).squareRoot(), Self.largestNode))
    }

    func eventNode(_ e: Int, root: String) -> GraphNode {
        let event = dossier.events[e]
        return GraphNode(kind: .event, label: event.title, detail: [event.date.display, event.place].compactMap { $0 }.joined(separator: ", "),
                         href: root + Paths.event(event.slug), size: 6)
    }

    /// People (by name) and events (oldest first) of the relations graph, within the limits above.
    func graphMembers() -> (people: [Int], events: [Int]) {
        var people = Array(dossier.people.indices)
        if people.count > Self.graphPeople {
            people = Array(people.sorted { (dossier.articlesOfPerson[$0].count, -$0) > (dossier.articlesOfPerson[$1].count, -$1) }
                .prefix(Self.graphPeople)).sorted()
        }
        let shown = Set(people)
        var events = Array(dossier.events.indices)
        if events.count > Self.graphEvents {
            let taking = { (e: Int) in dossier.events[e].people.compactMap { dossier.personBySlug[$0] }.filter(shown.contains).count }
            events = Array(events.sorted { (taking($0), $0) > (taking($1), $1) }.prefix(Self.graphEvents)).sorted()
        }
        return (people, events)
    }

    /// Person → person (shared articles) and person → event (took part) edges.
    func relationsGraph(root: String) -> Graph {
        let (people, events) = graphMembers()
        var graph = Graph()
        var nodeOfPerson: [Int: Int] = [:], nodeOfEvent: [Int: Int] = [:]
        for p in people { nodeOfPerson[p] = graph.nodes.count; graph.nodes.append(personNode(p, root: root)) }
        for e in events { nodeOfEvent[e] = graph.nodes.count; graph.nodes.append(eventNode(e, root: root)) }
        // coMentions lists the strongest first: the pairs kept are each person's first few among those drawn.
        var strongest = Set<[Int]>()
        for p in people {
            for co in dossier.coMentions[p].lazy.filter({ nodeOfPerson[$0.person] != nil }).prefix(Self.strongestPairs) {
                strongest.insert([min(p, co.person), max(p, co.person)])
            }
        }
        let allPairs = people.count <= GraphLayout.circlePeople
        for p in people {
            for co in dossier.coMentions[p] where co.person > p && (allPairs || strongest.contains([p, co.person])) {
                guard let b = nodeOfPerson[co.person] else { continue }
                graph.edges.append(GraphEdge(a: nodeOfPerson[p]!, b: b, weight: co.articles,
                                             label: "\(dossier.people[p].name) and \(dossier.people[co.person].name): \(Self.plural(co.articles, "shared article"))"))
            }
        }
        for p in people {
            for e in dossier.eventsOfPerson[p] {
                guard let b = nodeOfEvent[e] else { continue }
                graph.edges.append(GraphEdge(a: nodeOfPerson[p]!, b: b, weight: 1 + sharedCoverage(person: p, event: e),
                                             label: "\(dossier.people[p].name) took part in \(dossier.events[e].title)"))
            }
        }
        return graph
    }

    /// Articles that mention the person and cover the event.
    func sharedCoverage(person p: Int, event e: Int) -> Int {
        Set(dossier.articlesOfPerson[p]).intersection(dossier.articlesOfEvent[e]).count
    }

    func relationsPage() -> RelationsPage {
        let page = context(Paths.relations, title: "Relations", kind: "relations")
        let graph = relationsGraph(root: page.root)
        let shownPeople = graph.nodes.filter { $0.kind == .person }.count
        let spread = shownPeople > GraphLayout.circlePeople
        // A taller picture for more nodes, so that every label finds room.
        let height = spread ? GraphLayout.forceHeight(nodes: graph.nodes.count) : 700
        let points = spread ? GraphLayout.force(graph, width: 1000, height: Double(height)) : GraphLayout.rings(graph, width: 1000, height: 700)
        let labels = spread ? GraphLayout.labels(graph, at: points, width: 1000, height: Double(height)) : nil
        let svg = graph.nodes.isEmpty ? "" : GraphSVG.render(graph, at: points, labels: labels, width: 1000, height: height, id: "relations-graph",
                                                              title: "People and events of this dossier, and how they are linked")
        let (shownPeopleList, shownEvents) = graphMembers()
        let shownPeopleCount = shownPeopleList.count
        var notes: [String] = []
        if shownPeopleCount < dossier.people.count || shownEvents.count < dossier.events.count {
            notes.append("The graph shows the \(shownPeopleCount) people named most often and \(shownEvents.count) of the \(dossier.events.count) events, those with most of them.")
        }
        if spread { notes.append("Lines join each person to the \(Self.strongestPairs) people named with them most often; the table below lists the pairs.") }
        var peopleRows: [(Int, RelationRow)] = []
        for (p, mentions) in dossier.coMentions.enumerated() {
            for co in mentions where co.person > p {
                let a = dossier.people[p], b = dossier.people[co.person]
                peopleRows.append((co.articles, RelationRow(from: a.name, fromHref: page.root + Paths.person(a.slug), to: b.name,
                                                            toHref: page.root + Paths.person(b.slug), detail: Self.plural(co.articles, "shared article"))))
            }
        }
        peopleRows.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1.from, $0.1.to) < ($1.1.from, $1.1.to) }
        if peopleRows.count > Self.tablePairs {
            notes.append("The table lists the \(Self.tablePairs) pairs named together most often, of \(peopleRows.count).")
            peopleRows = Array(peopleRows.prefix(Self.tablePairs))
        }
        var eventRows: [RelationRow] = []
        for (e, event) in dossier.events.enumerated() {
            for slug in event.people {
                guard let p = dossier.personBySlug[slug] else { continue }
                let shared = sharedCoverage(person: p, event: e)
                eventRows.append(RelationRow(from: dossier.people[p].name, fromHref: page.root + Paths.person(slug), to: event.title,
                                             toHref: page.root + Paths.event(event.slug),
                                             detail: "took part" + (shared > 0 ? "; named in \(Self.plural(shared, "article")) about it" : "")))
            }
        }
        return RelationsPage(page: page, graphSVG: svg, note: notes.isEmpty ? nil : notes.joined(separator: " "),
                             people: peopleRows.map(\.1), events: eventRows)
    }

    /// The person page, with the small graph of who and what they are linked to.
    func personPageWithGraph(_ p: Int, part: Part = Part(), layout: SiteLayout? = nil) -> PersonPage {
        var model = personPage(p, part: part, layout: layout)
        if part.isFirst { model.neighbourhoodSVG = neighbourhoodSVG(p, root: model.page.root) }
        return model
    }

    func neighbourhoodSVG(_ p: Int, root: String) -> String {
        let person = dossier.people[p]
        var graph = Graph(nodes: [personNode(p, root: root)], edges: [])
        for co in dossier.coMentions[p].prefix(8) {
            graph.nodes.append(personNode(co.person, root: root))
            graph.edges.append(GraphEdge(a: 0, b: graph.nodes.count - 1, weight: co.articles,
                                         label: "\(person.name) and \(dossier.people[co.person].name): \(Self.plural(co.articles, "shared article"))"))
        }
        for e in dossier.eventsOfPerson[p].suffix(8) {
            graph.nodes.append(eventNode(e, root: root))
            graph.edges.append(GraphEdge(a: 0, b: graph.nodes.count - 1, weight: 1 + sharedCoverage(person: p, event: e),
                                         label: "\(person.name) took part in \(dossier.events[e].title)"))
        }
        guard graph.nodes.count > 1 else { return "" }
        let points = GraphLayout.radial(count: graph.nodes.count, width: 900, height: 440)
        return GraphSVG.render(graph, at: points, width: 900, height: 440, id: "neighbourhood-graph",
                               title: "\(person.name): the people mentioned with them and the events they took part in")
    }
}
