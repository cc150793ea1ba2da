import PostgresStore
import Testing

/// The city database's address as a person types it: the parts it names, and a clear refusal of the rest.
@Suite("The city database's address")
struct PostgresLocationTests {
    @Test func anAddressNamesItsServerDatabaseCommuneAndPoolSize() throws {
        let location = try PostgresLocation(url: "postgres://hoctap:b%C3%AD-m%E1%BA%ADt@10.0.0.5:6543/thanh-pho?commune=xa-kien-thuy&connections=4")
        #expect(location.host == "10.0.0.5" && location.port == 6543 && location.database == "thanh-pho")
        #expect(location.username == "hoctap" && location.password == "bí-mật")
        #expect(location.commune == CommuneID("xa-kien-thuy"))
        #expect(location.maximumConnections == 4)
        #expect(location.place == "10.0.0.5:6543/thanh-pho")
        #expect(try PostgresLocation(url: "postgresql://hoctap@127.0.0.1/hoctap").maximumConnections == 20)
    }

    @Test(arguments: ["0", "101", "bon", "4.5", ""])
    func aPoolSizeOutsideOneToAHundredIsRefused(_ raw: String) {
        #expect(throws: PostgresStoreError(.invalidConnections, raw)) {
            _ = try PostgresLocation(url: "postgres://hoctap@127.0.0.1:5432/hoctap?connections=\(raw)")
        }
    }
}
