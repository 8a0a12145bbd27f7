// The relations graph: people and events as nodes, "mentioned in the same articles" and "took part in" as edges,
// laid out at build time (people on a circle, events round them near their people, coordinates rounded) into
// a static SVG: the same dossier always gives the same picture, byte for byte, and no script is needed.

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
    static func render(_ graph: Graph, at points: [Point], width: Int, height: Int, id: String, title: String) -> String {
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

    func personNode(_ p: Int, root: String) -> GraphNode {
        let person = dossier.people[p]
        return GraphNode(kind: .person, label: person.name, detail: person.role ?? "", href: root + Paths.person(person.slug),
                         size: 7 + 2.5 * Double(dossier.articlesOfPerson[p].count).squareRoot())
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
        for p in people {
            for co in dossier.coMentions[p] where co.person > p {
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
        let points = GraphLayout.rings(graph, width: 1000, height: 700)
        let svg = graph.nodes.isEmpty ? "" : GraphSVG.render(graph, at: points, width: 1000, height: 700, id: "relations-graph",
                                                              title: "People and events of this dossier, and how they are linked")
        let (shownPeople, shownEvents) = graphMembers()
        var notes: [String] = []
        if shownPeople.count < dossier.people.count || shownEvents.count < dossier.events.count {
            notes.append("The graph shows the \(shownPeople.count) people named most often and \(shownEvents.count) of the \(dossier.events.count) events, those with most of them.")
        }
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
