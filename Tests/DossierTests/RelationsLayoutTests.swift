// The relations graph past a dozen people: a force-directed layout that is the same on every run, and labels
// that overlap no other label or node, and that lines between people do not cross.

import Foundation
@testable import Renderer
import Testing

@Suite struct RelationsLayoutTests {
    /// `people` people, each joined to the next three (as the relations page keeps each person's strongest pairs),
    /// and `events` events, each with two people who are named together (as the people of an event are).
    static func graph(people: Int, events: Int) -> Graph {
        let names = ["Kirill Dmitriev", "Steve Witkoff", "Marco Rubio", "Sergei Lavrov", "Yuri Ushakov", "Dmitry Peskov",
                     "Mohammed bin Salman", "Volodymyr Zelensky", "Keith Kellogg", "Mike Waltz", "Donald Trump", "Vladimir Putin",
                     "Marc Fogel", "Ursula von der Leyen", "Olaf Scholz", "Emmanuel Macron"]
        var graph = Graph()
        for p in 0..<people {
            graph.nodes.append(GraphNode(kind: .person, label: names[p % names.count] + (p < names.count ? "" : " \(p)"), detail: "",
                                         href: "people/p\(p).html", size: 7 + 2.5 * Double(40 - p % 37).squareRoot()))
        }
        for e in 0..<events {
            graph.nodes.append(GraphNode(kind: .event, label: "Meeting number \(e) in Riyadh", detail: "", href: "events/e\(e).html", size: 6))
        }
        for p in 0..<people {
            for step in 1...3 where p + step < people { graph.edges.append(GraphEdge(a: p, b: p + step, weight: 1 + (p * step) % 4, label: "")) }
        }
        for e in 0..<events {
            graph.edges.append(GraphEdge(a: people + e, b: (e * 3) % people, weight: 1, label: ""))
            graph.edges.append(GraphEdge(a: people + e, b: (e * 3 + 1) % people, weight: 1, label: ""))
        }
        return graph
    }

    @Test(arguments: [(13, 0), (13, 4), (40, 0), (40, 12)])
    func labelsOverlapNoLabelNoNodeAndNoLine(people: Int, events: Int) {
        let graph = Self.graph(people: people, events: events)
        let height = Double(GraphLayout.forceHeight(nodes: graph.nodes.count))
        let points = GraphLayout.force(graph, width: 1000, height: height)
        #expect(points == GraphLayout.force(graph, width: 1000, height: height), "the same layout on every run")
        #expect(GraphLayout.labels(graph, at: points, width: 1000, height: height) == GraphLayout.labels(graph, at: points, width: 1000, height: height))
        let labels = GraphLayout.labels(graph, at: points, width: 1000, height: height)
        var crossings = 0
        for (i, label) in labels.enumerated() {
            let box = label.box
            #expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= 1000 && box.y + box.height <= height, "\(graph.nodes[i].label) inside")
            for (j, other) in labels.enumerated() where j != i {
                #expect(!box.intersects(other.box), "\(graph.nodes[i].label) overlaps \(graph.nodes[j].label)'s label")
                let s = graph.nodes[j].size
                #expect(!box.intersects(Rect(x: points[j].x - s, y: points[j].y - s, width: 2 * s, height: 2 * s)),
                        "\(graph.nodes[i].label) covers \(graph.nodes[j].label)")
            }
            crossings += graph.edges.filter { box.crosses(points[$0.a], points[$0.b]) }.count
        }
        // People alone: no line through any label. With events' lines too, a few labels may have one (drawn over it,
        // on a halo of the background colour), never more than one in ten.
        if events == 0 { #expect(crossings == 0, "lines through labels: \(crossings)") }
        else { #expect(crossings * 10 <= labels.count, "lines through labels: \(crossings) of \(labels.count)") }
    }

    @Test func aLineThroughABoxCrossesItAndOnePastItDoesNot() {
        let box = Rect(x: 10, y: 10, width: 20, height: 10)
        #expect(box.crosses(Point(x: 0, y: 15), Point(x: 40, y: 15)))
        #expect(box.crosses(Point(x: 15, y: 0), Point(x: 15, y: 12)))
        #expect(!box.crosses(Point(x: 0, y: 0), Point(x: 40, y: 5)))
        #expect(!box.crosses(Point(x: 31, y: 0), Point(x: 31, y: 40)))
    }
}
