//! The data set as shipped (`data/policies.json`): compact JSON, deterministic for
//! unchanged seeds.

use hts_runtime::Bundle;

/// The bundle as JSON; an error names what would not serialise.
pub fn to_json(bundle: &Bundle) -> Result<String, String> {
    serde_json::to_string(bundle).map_err(|e| format!("the bundle does not serialise as JSON: {e}"))
}
