//! Where the data comes from, named from the corpus itself, and the data set to download
//! (not from `offline.html`, which has no file beside it).

use crate::browser;
use crate::i18n::{self, tx};
use crate::state::use_ctx;
use hts_runtime::url::Lang;
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    let ctx = use_ctx();
    let documents = ctx.corpus.bundle.documents.len();
    let sources = move || {
        let lang = ctx.lang.get();
        let names: Vec<String> = ctx.corpus.provinces().iter().map(|p| i18n::province(lang, p)).collect();
        match lang {
            Lang::Zh => format!("数据来源：{}的 {documents} 份加快发展高技术服务业实施意见（落实国办发〔2011〕58号）。标签由关键词规则生成，仅供检索参考；引用请以原文为准。", names.join("、")),
            Lang::En => format!("Sources: {documents} implementation opinions on accelerating the high-tech service industry, from {} (implementing State Council guidance 国办发〔2011〕58号). Tags come from keyword rules and guide retrieval; cite the original text.", names.join(", ")),
        }
    };
    let hosted = !browser::is_file();
    view! {
        <footer class="site-footer">
            <p>
                <span data-testid="sources">{sources}</span>
                {hosted.then(|| view! {
                    " "
                    <a href="data/policies.json" download="policies.json" data-testid="download-data">
                        {tx("下载数据集（JSON）", "Download the data set (JSON)")}
                    </a>
                })}
            </p>
        </footer>
    }
}
