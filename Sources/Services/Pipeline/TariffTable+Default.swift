extension TariffTable {
    /// The built-in table, identical to the shipped `config/tariffs.yaml`, for tests and for running
    /// without a config directory.
    public static let `default` = try! TariffTable(bands: defaultBands, tiers: [
        0: Tier(perTransaction: 10_000, daily: 20_000, maxBalance: 50_000),
        1: Tier(perTransaction: 70_000, daily: 70_000, maxBalance: 300_000),
        2: Tier(perTransaction: 250_000, daily: 500_000, maxBalance: 500_000),
    ])

    static let defaultBands: [Band] = [
        Band(min: 1, max: 49, fees: ["P2P_TRANSFER": 0, "AGENT_WITHDRAWAL": 0]),
        Band(min: 50, max: 100, fees: ["P2P_TRANSFER": 0, "AGENT_WITHDRAWAL": 11]),
        Band(min: 101, max: 500, fees: ["P2P_TRANSFER": 5, "AGENT_WITHDRAWAL": 29]),
        Band(min: 501, max: 1000, fees: ["P2P_TRANSFER": 7, "AGENT_WITHDRAWAL": 29]),
        Band(min: 1001, max: 1500, fees: ["P2P_TRANSFER": 9, "AGENT_WITHDRAWAL": 29]),
        Band(min: 1501, max: 2500, fees: ["P2P_TRANSFER": 11, "AGENT_WITHDRAWAL": 29]),
        Band(min: 2501, max: 3500, fees: ["P2P_TRANSFER": 13, "AGENT_WITHDRAWAL": 52]),
        Band(min: 3501, max: 5000, fees: ["P2P_TRANSFER": 15, "AGENT_WITHDRAWAL": 69]),
        Band(min: 5001, max: 7500, fees: ["P2P_TRANSFER": 20, "AGENT_WITHDRAWAL": 87]),
        Band(min: 7501, max: 10000, fees: ["P2P_TRANSFER": 25, "AGENT_WITHDRAWAL": 115]),
        Band(min: 10001, max: 15000, fees: ["P2P_TRANSFER": 30, "AGENT_WITHDRAWAL": 167]),
        Band(min: 15001, max: 20000, fees: ["P2P_TRANSFER": 35, "AGENT_WITHDRAWAL": 185]),
        Band(min: 20001, max: 35000, fees: ["P2P_TRANSFER": 40, "AGENT_WITHDRAWAL": 197]),
        Band(min: 35001, max: 50000, fees: ["P2P_TRANSFER": 45, "AGENT_WITHDRAWAL": 278]),
        Band(min: 50001, max: 250000, fees: ["P2P_TRANSFER": 50, "AGENT_WITHDRAWAL": 309]),
    ]
}
