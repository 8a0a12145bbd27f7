// The formats `dossier export` writes.

public enum ExportFormat: String, Sendable, CaseIterable {
    /// One JSON object, "dossier-export/1" (JSONExport.swift).
    case json
    /// A folder of CSV files for spreadsheets, and an edge list for Gephi (CSVExport.swift).
    case csv
    /// FollowTheMoney entities, one JSON object a line, for Aleph and OpenSanctions (FtMExport.swift).
    case ftm
}
