import CampaignReports
import Foundation
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A realistic yearly report of the commune, for the renderers' tests: the header with no superior body, three
/// sections with subsections, three tables with total rows (one with an absent average), a bar chart with a
/// target, and the closing of the commune's plan. Text contains quotes, `&` and `<` so escaping is exercised.
enum SampleReport {
    /// Participants, completions and average score of each unit (Bảng 1).
    static let units: [(name: String, participants: Int, completed: Int, average: Double)] = [
        ("Văn phòng HĐND và UBND", 24, 23, 8.7),
        ("Phòng Kinh tế", 12, 11, 8.4),
        ("Phòng Văn hóa – Xã hội", 15, 15, 9.1),
        ("Trung tâm Phục vụ hành chính công", 10, 8, 8.0),
        ("Hội Nông dân & Hội Phụ nữ xã", 146, 97, 7.6),
        ("Thôn Đông Tác", 1_245, 812, 7.3),
        ("Thôn Phương Lung", 986, 541, 7.1),
    ]

    /// The year's completion target, in percent.
    static let target = 70.0

    static func rate(_ completed: Int, of total: Int) -> Double {
        total == 0 ? 0 : Double(completed) / Double(total) * 100
    }

    static let unitTable = ReportTable(
        id: "theo-don-vi",
        title: "Bảng 1. Kết quả học tập theo đơn vị",
        columns: [
            ReportColumn("Đơn vị", numeric: false), ReportColumn("Số người tham gia"),
            ReportColumn("Số người hoàn thành"), ReportColumn("Tỷ lệ hoàn thành (%)"), ReportColumn("Điểm trung bình"),
        ],
        rows: units.map { unit in
            [.text(unit.name), .integer(unit.participants), .integer(unit.completed),
             .decimal(rate(unit.completed, of: unit.participants)), .decimal(unit.average)]
        },
        totalRow: [
            .text("Tổng cộng"), .integer(units.map(\.participants).reduce(0, +)),
            .integer(units.map(\.completed).reduce(0, +)),
            .decimal(rate(units.map(\.completed).reduce(0, +), of: units.map(\.participants).reduce(0, +))),
            .decimal(7.4),
        ]
    )

    static let contentTable: ReportTable = {
        let contents: [(String, Int, Int, Int)] = [
            ("Kỹ năng số cơ bản", 4, 2_310, 1_587),
            ("An toàn thông tin và phòng, chống lừa đảo trực tuyến", 3, 1_964, 1_402),
            ("Dịch vụ công trực tuyến", 2, 1_120, 706),
            ("Thanh toán không dùng tiền mặt", 2, 874, 515),
        ]
        let enrolled = contents.map(\.2).reduce(0, +)
        let completed = contents.map(\.3).reduce(0, +)
        return ReportTable(
            id: "theo-noi-dung",
            title: "Bảng 2. Kết quả theo nội dung học tập",
            columns: [
                ReportColumn("STT"), ReportColumn("Nội dung", numeric: false), ReportColumn("Số khóa học"),
                ReportColumn("Lượt học"), ReportColumn("Lượt hoàn thành"), ReportColumn("Tỷ lệ hoàn thành (%)"),
            ],
            rows: contents.enumerated().map { index, content in
                [.integer(index + 1), .text(content.0), .integer(content.1), .integer(content.2),
                 .integer(content.3), .decimal(rate(content.3, of: content.2))]
            },
            totalRow: [
                .text(""), .text("Tổng cộng"), .integer(contents.map(\.1).reduce(0, +)), .integer(enrolled),
                .integer(completed), .decimal(rate(completed, of: enrolled)),
            ]
        )
    }()

    static let audienceTable: ReportTable = {
        // No quiz was set for pupils this year: their average is absent.
        let audiences: [(String, Int, Int, Double?)] = [
            ("Cán bộ, công chức", 61, 57, 8.6),
            ("Đảng viên", 412, 305, 7.9),
            ("Người dân", 1_845, 1_075, 7.2),
            ("Học sinh, đoàn viên thanh niên", 120, 70, nil),
        ]
        let people = audiences.map(\.1).reduce(0, +)
        let basic = audiences.map(\.2).reduce(0, +)
        return ReportTable(
            id: "theo-doi-tuong",
            title: "Bảng 3. Kết quả theo đối tượng người học",
            columns: [
                ReportColumn("Đối tượng", numeric: false), ReportColumn("Số người"),
                ReportColumn("Đạt phổ cập kỹ năng số"), ReportColumn("Tỷ lệ (%)"), ReportColumn("Điểm trung bình"),
            ],
            rows: audiences.map { audience in
                [.text(audience.0), .integer(audience.1), .integer(audience.2),
                 .decimal(rate(audience.2, of: audience.1)), .decimal(audience.3)]
            },
            totalRow: [.text("Tổng cộng"), .integer(people), .integer(basic), .decimal(rate(basic, of: people)),
                       .decimal(nil)]
        )
    }()

    static let unitChart = BarChart(
        title: "Biểu đồ 1. Tỷ lệ hoàn thành theo đơn vị (%)",
        bars: units.map { BarChart.Bar(label: $0.name, value: rate($0.completed, of: $0.participants)) },
        target: target, targetLabel: "Chỉ tiêu"
    )

    static let header = ReportHeader(
        superiorBody: nil,
        issuer: "ỦY BAN NHÂN DÂN XÃ KIẾN THỤY",
        nationalTitle: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        motto: "Độc lập - Tự do - Hạnh phúc",
        number: "Số: 05/BC-UBND",
        placeAndDate: "Kiến Thụy, ngày 05 tháng 12 năm 2026"
    )

    static let closing = ReportClosing(
        recipientsLabel: "Nơi nhận:",
        recipients: [
            "Sở Khoa học và Công nghệ;", "Sở Nội vụ;", "TT ĐU, TT HĐND xã;", "CT, các PCT UBND xã;",
            "Các phòng, ban, đơn vị;", "Lưu: VT, VHXH.",
        ],
        authority: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        signer: "Nguyễn Văn Hùng"
    )

    /// The yearly report of 2026.
    static let document = ReportDocument(
        header: header,
        kind: "BÁO CÁO",
        title: "Kết quả thực hiện phong trào \"học tập số\" năm 2026",
        recipient: "Kính gửi: Sở Khoa học và Công nghệ thành phố Hải Phòng",
        sections: [
            ReportSection(
                number: "I", title: "KẾT QUẢ THỰC HIỆN",
                paragraphs: [
                    "Thực hiện Kế hoạch số 150/KH-UBND ngày 16/6/2025 của Ủy ban nhân dân thành phố Hải Phòng "
                        + "và Kế hoạch của Ủy ban nhân dân xã về phong trào thi đua chuyển đổi số giai đoạn "
                        + "2025 – 2030, Ủy ban nhân dân xã Kiến Thụy báo cáo kết quả thực hiện phong trào "
                        + "\"học tập số\" năm 2026 như sau:"
                ],
                subsections: [
                    ReportSection(
                        number: "1", title: "Công tác tuyên truyền, triển khai",
                        paragraphs: [
                            "Ủy ban nhân dân xã đã ban hành kế hoạch, tổ chức hội nghị quán triệt đến các phòng, "
                                + "ban, đơn vị và 2 thôn; phối hợp với Ủy ban MTTQ và các đoàn thể tuyên truyền "
                                + "trên hệ thống truyền thanh, trang thông tin điện tử và các nhóm Zalo của thôn.",
                            "Các khóa học được đăng tải trên nền tảng \"Học tập số\" của xã; người học được "
                                + "hướng dẫn tạo tài khoản, học và làm bài kiểm tra ngay trên điện thoại.",
                        ]
                    ),
                    ReportSection(
                        number: "2", title: "Kết quả học tập theo đơn vị",
                        paragraphs: [
                            "Năm 2026 có 2.438 người tham gia học tập, 1.507 người hoàn thành đủ các khóa học "
                                + "theo quy định (đạt 61,8%). Còn 2/7 đơn vị có tỷ lệ hoàn thành dưới chỉ tiêu "
                                + "(< 70%), tập trung ở các thôn & khu dân cư đông người cao tuổi."
                        ],
                        tables: [unitTable],
                        charts: [unitChart]
                    ),
                    ReportSection(
                        number: "3", title: "Kết quả theo nội dung và đối tượng",
                        paragraphs: [
                            "Nội dung \"An toàn thông tin và phòng, chống lừa đảo trực tuyến\" có tỷ lệ hoàn thành "
                                + "cao nhất; nội dung thanh toán không dùng tiền mặt còn thấp."
                        ],
                        tables: [contentTable, audienceTable]
                    ),
                ]
            ),
            ReportSection(
                number: "II", title: "ĐÁNH GIÁ CHUNG",
                subsections: [
                    ReportSection(
                        number: "1", title: "Ưu điểm",
                        paragraphs: [
                            "Phong trào được triển khai đồng bộ, nhận được sự hưởng ứng của cán bộ, đảng viên và "
                                + "Nhân dân; 100% cán bộ, công chức của xã tham gia học tập."
                        ]
                    ),
                    ReportSection(
                        number: "2", title: "Tồn tại, hạn chế và nguyên nhân",
                        paragraphs: [
                            "Một bộ phận người cao tuổi chưa sử dụng thành thạo điện thoại thông minh; một số thôn "
                                + "chưa bố trí được người hướng dẫn thường xuyên."
                        ]
                    ),
                ]
            ),
            ReportSection(
                number: "III", title: "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027",
                paragraphs: ["Tiếp tục đẩy mạnh phong trào \"học tập số\", phấn đấu đạt chỉ tiêu 80% vào cuối năm 2027."],
                subsections: [
                    ReportSection(
                        number: "1", title: "Nhiệm vụ trọng tâm",
                        paragraphs: [
                            "Duy trì tổ công nghệ số cộng đồng ở từng thôn; mở thêm khóa học về dịch vụ công "
                                + "trực tuyến và thanh toán không dùng tiền mặt."
                        ]
                    ),
                    ReportSection(
                        number: "2", title: "Đề xuất, kiến nghị",
                        paragraphs: [
                            "Đề nghị Sở Khoa học và Công nghệ hỗ trợ tài liệu và tập huấn cho tổ công nghệ số "
                                + "cộng đồng của xã./."
                        ]
                    ),
                ]
            ),
        ],
        closing: closing
    )
}

// MARK: - Reading the produced files back

/// The parts of a DOCX or XLSX file, unzipped, for the renderers' tests.
struct OfficePackageContents {
    private let archive: Archive

    init(_ data: Data) throws {
        archive = try Archive(data: data, accessMode: .read)
    }

    /// Every part's path.
    var paths: [String] { archive.map(\.path) }

    /// The bytes of the part at `path`, or nil when there is none.
    func data(_ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return data
    }

    /// The part at `path` parsed as XML; fails the test when it is missing or not well-formed.
    func xml(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> XMLDocument {
        let data = try #require(try data(path), "missing part \(path)", sourceLocation: sourceLocation)
        return try XMLDocument(data: data)
    }
}

extension XMLNode {
    /// Every element below this node (itself included) whose local name is `name`, in document order.
    func elements(named name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        if let element = self as? XMLElement, element.localName == name { found.append(element) }
        for child in children ?? [] {
            found += child.elements(named: name)
        }
        return found
    }

    /// The elements directly under this node whose local name is `name`.
    func childElements(named name: String) -> [XMLElement] {
        (children ?? []).compactMap { $0 as? XMLElement }.filter { $0.localName == name }
    }
}

extension XMLElement {
    /// The value of the attribute whose qualified name is `name` (`w:val`, `r`, `t` …).
    ///
    /// Scans the attributes: on Linux, `attribute(forName:)` misses unprefixed attributes of an element in a
    /// default namespace (`<Relationship Id="…">`).
    func value(of name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }
}
