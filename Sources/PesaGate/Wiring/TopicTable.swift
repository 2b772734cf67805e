import Kafka
import Payments

/// Renders topics as the operator reads them: partitions, replication, leaders, and configs — what the
/// cluster reports next to what the catalog asks, so a config the cluster does not hold is visible.
enum TopicTable {
    static func render(catalog: [TopicSpec], described: [TopicDescription], brokers: Int) -> String {
        var lines = ["cluster: \(brokers) broker(s)"]
        let header = ["TOPIC", "PARTITIONS", "REPLICAS", "LEADERS (broker:count)", "CONFIGS (cluster / catalog)"]
        var rows: [[String]] = []
        for spec in catalog {
            guard let topic = described.first(where: { $0.name == spec.name }) else {
                rows.append([spec.name, "missing", "-", "-", catalogConfigs(spec)])
                continue
            }
            let leaders = Dictionary(grouping: topic.partitions, by: \.leader)
                .sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.count)" }.joined(separator: " ")
            let replicas = topic.partitions.first.map { String($0.replicas.count) } ?? "-"
            let configs: String
            if let held = topic.configs, !held.isEmpty {
                configs = spec.configs.keys.sorted().map { "\($0)=\(held[$0] ?? "?")" }.joined(separator: " ")
            } else {
                configs = "not reported by cluster / \(catalogConfigs(spec))"
            }
            rows.append([spec.name, "\(topic.partitions.count)", replicas, leaders, configs])
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            lines.append(row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }

    private static func catalogConfigs(_ spec: TopicSpec) -> String {
        spec.configs.keys.sorted().map { "\($0)=\(spec.configs[$0]!)" }.joined(separator: " ")
    }
}
