import Foundation

/// Draws facility (x, 0–100%) against discrimination (y, −100–100%) as inline SVG: one point per question,
/// labelled with its id; a flagged question is a filled black square, the others open circles, and the good
/// region (facility 30–90%, discrimination positive) is outlined, so the weak questions stand apart in print
/// as on screen. No JavaScript; every text escaped.
enum SVGScatterChart {
    struct Point: Sendable, Hashable {
        var label: String
        /// Facility, 0–100.
        var x: Double
        /// Discrimination, −100–100.
        var y: Double
        var isFlagged: Bool
    }

    static let plotWidth = 520.0
    static let plotHeight = 360.0
    static let left = 60.0
    static let top = 30.0
    static let right = 150.0
    static let bottom = 50.0

    static func render(title: String, xLabel: String, yLabel: String, points: [Point]) -> String {
        let width = left + plotWidth + right
        let height = top + plotHeight + bottom
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart scatter" role="img" width="\(Int(width))" \
            height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" aria-label="\(e(title))">
            <title>\(e(title))</title>
            <rect x="\(f(left))" y="\(f(top))" width="\(f(plotWidth))" height="\(f(plotHeight))" fill="none" \
            stroke="#000" stroke-width="0.75"/>
            <rect class="good-region" x="\(f(px(30)))" y="\(f(py(100)))" width="\(f(px(90) - px(30)))" \
            height="\(f(py(0) - py(100)))" fill="#f2f2f2" stroke="#000" stroke-width="0.75" stroke-dasharray="5 3"/>
            <line x1="\(f(left))" y1="\(f(py(0)))" x2="\(f(left + plotWidth))" y2="\(f(py(0)))" stroke="#000" \
            stroke-width="0.75"/>

            """
        for tick in stride(from: 0, through: 100, by: 10) {
            svg += """
                <text x="\(f(px(Double(tick))))" y="\(f(top + plotHeight + 16))" text-anchor="middle" \
                font-size="10">\(tick)</text>

                """
        }
        for tick in stride(from: -100, through: 100, by: 25) {
            svg += """
                <text x="\(f(left - 6))" y="\(f(py(Double(tick)) + 3))" text-anchor="end" font-size="10">\(tick)</text>

                """
        }
        svg += """
            <text x="\(f(left + plotWidth / 2))" y="\(f(height - 10))" text-anchor="middle" font-size="11">\
            \(e(xLabel))</text>
            <text x="14" y="\(f(top + plotHeight / 2))" text-anchor="middle" font-size="11" \
            transform="rotate(-90 14 \(f(top + plotHeight / 2)))">\(e(yLabel))</text>

            """
        var placed: [Box] = []
        for point in points {
            let x = px(min(max(point.x, 0), 100))
            let y = py(min(max(point.y, -100), 100))
            placed.append(Box(x: x - 4, y: y - 4, width: 8, height: 8))
        }
        var labels: [(x: Double, y: Double, anchor: String)] = []
        for point in points {
            let label = place(shorten(point.label), near: px(min(max(point.x, 0), 100)),
                              py(min(max(point.y, -100), 100)), avoiding: &placed)
            labels.append(label)
        }
        for (point, label) in zip(points, labels) {
            let x = px(min(max(point.x, 0), 100))
            let y = py(min(max(point.y, -100), 100))
            if point.isFlagged {
                svg += """
                    <rect class="flagged" x="\(f(x - 4))" y="\(f(y - 4))" width="8" height="8" fill="#000"/>

                    """
            } else {
                svg += """
                    <circle cx="\(f(x))" cy="\(f(y))" r="4" fill="#fff" stroke="#000" stroke-width="1"/>

                    """
            }
            let weight = point.isFlagged ? " font-weight=\"bold\"" : ""
            // A label pushed away from its point is tied to it by a thin line.
            let baseline = label.y
            if abs(baseline - 3 - y) > 9 {
                let end = label.anchor == "end" ? label.x + 1 : label.x - 1
                svg += """
                    <line x1="\(f(x))" y1="\(f(y))" x2="\(f(end))" y2="\(f(baseline - 3))" stroke="#888" \
                    stroke-width="0.5"/>

                    """
            }
            svg += """
                <text x="\(f(label.x))" y="\(f(baseline))" text-anchor="\(label.anchor)" font-size="9"\(weight)>\
                \(e(shorten(point.label)))</text>

                """
        }
        return svg + "</svg>"
    }

    /// A rectangle taken by a point or a label.
    struct Box {
        var x, y, width, height: Double

        /// The area the two rectangles share.
        func overlapArea(_ other: Box) -> Double {
            let across = min(x + width, other.x + other.width) - max(x, other.x)
            let down = min(y + height, other.y + other.height) - max(y, other.y)
            return across > 0 && down > 0 ? across * down : 0
        }
    }

    /// Where `label` goes near the point at (`x`, `y`): the first of a few places right or left of it, then
    /// further up and down, that stays in the chart and overlaps no point or label placed so far; when every
    /// place overlaps something, the one that overlaps least. The width is estimated from the character count
    /// (no font metrics on the server).
    private static func place(_ label: String, near x: Double, _ y: Double, avoiding placed: inout [Box])
        -> (x: Double, y: Double, anchor: String)
    {
        let width = Double(label.count) * 5
        let height = 11.0
        let chartWidth = left + plotWidth + right
        var best: (place: (x: Double, y: Double, anchor: String), box: Box, overlap: Double)?
        for step in 0...16 {
            let shift = Double((step + 1) / 2) * (step.isMultiple(of: 2) ? 12 : -12)
            for anchor in ["start", "end"] {
                let place = (x: anchor == "start" ? x + 6 : x - 6, y: y + 3 + shift, anchor: anchor)
                let box = Box(x: anchor == "start" ? place.x : place.x - width, y: place.y - 8, width: width,
                              height: height)
                guard box.x >= 0, box.x + box.width <= chartWidth, box.y >= 0,
                      box.y + box.height <= top + plotHeight + bottom - 20 else { continue }
                let overlap = placed.reduce(0) { $0 + $1.overlapArea(box) }
                if overlap == 0 {
                    placed.append(box)
                    return place
                }
                if best == nil || overlap < best!.overlap { best = (place, box, overlap) }
            }
        }
        guard let best else { return (x + 6, y + 3, "start") }
        placed.append(best.box)
        return best.place
    }

    /// The horizontal position of facility `value`.
    private static func px(_ value: Double) -> Double { left + plotWidth * value / 100 }

    /// The vertical position of discrimination `value` (100 at the top, −100 at the bottom).
    private static func py(_ value: Double) -> Double { top + plotHeight * (100 - value) / 200 }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    private static func e(_ text: String) -> String { MarkupEscaping.escape(text) }

    private static func shorten(_ label: String) -> String {
        label.count <= 28 ? label : String(label.prefix(27)) + "…"
    }
}
