import Foundation

/// Draws a `BarChart` as inline SVG: horizontal bars in black and grey with their values written out, so it
/// reads the same on screen and on a black-and-white printout. No JavaScript.
enum SVGBarChart {
    static func render(_ chart: BarChart) -> String {
        let labelWidth = 230.0
        let barWidth = 330.0
        let rowHeight = 22.0
        let top = 8.0
        let height = top * 2 + rowHeight * Double(chart.bars.count)
        let width = labelWidth + barWidth + 60
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="\(Int(width))" \
            height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" \
            aria-label="\(MarkupEscaping.escape(chart.title))">
            <title>\(MarkupEscaping.escape(chart.title))</title>

            """
        for (index, bar) in chart.bars.enumerated() {
            let y = top + rowHeight * Double(index)
            let length = barWidth * min(max(bar.value, 0), 100) / 100
            svg += """
                <text x="\(Int(labelWidth - 6))" y="\(format(y + 15))" text-anchor="end" font-size="11">\
                \(MarkupEscaping.escape(shorten(bar.label)))</text>
                <rect x="\(Int(labelWidth))" y="\(format(y + 4))" width="\(format(barWidth))" height="14" \
                fill="none" stroke="#000" stroke-width="0.5"/>
                <rect x="\(Int(labelWidth))" y="\(format(y + 4))" width="\(format(length))" height="14" fill="#444"/>
                <text x="\(format(labelWidth + barWidth + 6))" y="\(format(y + 15))" font-size="11">\
                \(VietnameseFormat.decimal(bar.value))%</text>

                """
        }
        if let target = chart.target {
            let x = labelWidth + barWidth * target / 100
            svg += """
                <line x1="\(format(x))" y1="\(Int(top))" x2="\(format(x))" y2="\(format(height - top))" \
                stroke="#000" stroke-width="1" stroke-dasharray="4 3"/>

                """
        }
        return svg + "</svg>"
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    private static func shorten(_ label: String) -> String {
        label.count <= 38 ? label : String(label.prefix(36)) + "…"
    }
}

extension BarChart {
    /// The chart as inline SVG, as the HTML report draws it (the staff area's dashboard uses the same drawing).
    public var svg: String { SVGBarChart.render(self) }
}
