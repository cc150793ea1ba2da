import Foundation
import Testing
import WebFront

/// The QR codes of certificates: drawn by libqrencode, read back by zbar as a phone would read them.
@Suite struct QRCodeSVGTests {
    @Test(arguments: [
        "http://127.0.0.1:8080/xac-minh/ABCDEFGHJK",
        "https://hoctap.kienthuy.gov.vn/xac-minh/T000000001",
        "Giấy chứng nhận hoàn thành khoá học: Nguyễn Thị Lan, Thôn Đông — “Kỹ năng số cơ bản”",
    ])
    func whatIsDrawnReadsBackExactly(_ text: String) throws {
        let code = try QRCodeSVG(text)
        #expect(try QRCodeReader.decode(svg: code.svg(title: "Mã QR")) == text)
    }

    @Test func theSVGIsOnePathOfDarkModulesInAQuietZoneScaledByItsViewBox() throws {
        let code = try QRCodeSVG("http://localhost/xac-minh/T000000001")
        // Version 3 (29 modules) holds this at level M in byte mode; version 2 (25) would not.
        #expect(code.size == 29)
        let svg = code.svg(title: "Mã QR <của> \"bạn\" & 'tôi'")
        let side = code.size + 2 * QRCodeSVG.quietZone
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("viewBox=\"0 0 \(side) \(side)\""))
        #expect(!svg.contains("width=\"\(side)px") && !svg.contains(" height=\"\(side)px"))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.components(separatedBy: "<path").count == 2, "one path")
        #expect(svg.contains("<title>Mã QR &lt;của&gt; &quot;bạn&quot; &amp; &#39;tôi&#39;</title>"))
        // The three finder patterns: an edge of 7 dark modules, then the light separator.
        let last = code.size - 1
        #expect((0..<7).allSatisfy { code.isDark(row: 0, column: $0) } && !code.isDark(row: 0, column: 7))
        #expect((0..<7).allSatisfy { code.isDark(row: 0, column: last - $0) } && !code.isDark(row: 0, column: last - 7))
        #expect((0..<7).allSatisfy { code.isDark(row: last - $0, column: 0) } && !code.isDark(row: last - 7, column: 0))
        #expect(!code.isDark(row: -1, column: 0) && !code.isDark(row: 0, column: code.size), "outside is light")
        // The first run of the path starts in the top left corner after the quiet zone.
        #expect(svg.contains("d=\"M4 4h7v1h-7z"))
    }

    @Test func aTextWithANULCharacterIsRefusedRatherThanCutShort() {
        #expect(throws: QRCodeSVG.Failure.containsNUL) { _ = try QRCodeSVG("http://x/\u{0}y") }
    }

    @Test func aTextLongerThanTheLargestSymbolIsRefused() {
        let tooLong = String(repeating: "ă", count: 1_500)
        #expect(throws: QRCodeSVG.Failure.notEncodable(length: 3_000)) { _ = try QRCodeSVG(tooLong) }
    }
}
