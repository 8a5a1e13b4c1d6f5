//! `marsad`: Arabic-first news intelligence from the command line.
//!
//! A thin binary: argument parsing, progress display and exit codes live
//! here; everything else is in the library crates (ingest → analyze → brief).

mod bench;
mod progress;
#[cfg(feature = "store")]
mod store;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use marsad_analyze::{analyze_inputs, Options};
use marsad_brief::render::{render, Format};
use marsad_brief::Brief;

/// marsad (مرصد) turns a pile of Arabic news articles into understanding:
/// clean articles, sentences, entities, quotations, dates, stories and a
/// cited brief.
///
/// Inputs are files or folders (walked recursively) of plain text, HTML
/// pages, RSS/Atom feeds, JSON Lines (with "id" and "text" per record, gzip
/// read directly) or WARC files; `-` reads standard input. The format is
/// recognized from the content; UTF-8, UTF-16, windows-1256 and ISO-8859-6
/// are decoded.
///
/// Exit status: 0 when every input was read, 1 when some failed (each is
/// named on stderr and the rest is still processed), 2 on a usage error.
#[derive(Debug, Parser)]
#[command(name = "marsad", version, propagate_version = true)]
struct Cli {
    /// No progress bars.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Refuse inputs larger than this many bytes (before and after gzip).
    #[arg(long, global = true, value_name = "BYTES", default_value_t = marsad_ingest::source::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyze articles: one JSON document per line on stdout.
    ///
    /// Each document is {id, source, outlet, title, published, text,
    /// sentences, entities, quotes, dates}; offsets count characters
    /// (Unicode code points) into "text".
    ///
    /// Example: marsad analyze ../shared/data/saudinewsnet/articles.jsonl.gz > docs.jsonl
    Analyze {
        /// Files, folders or `-` for standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Clean articles without analyzing them: one JSON article per line.
    ///
    /// With --explain, prints every input line with the cleaner's verdict
    /// instead, tab-separated: article id, zone (head/body/tail), verdict
    /// (kept/title/title_repeat/furniture), the furniture rule, the line.
    ///
    /// Example: marsad clean --explain page.html | grep furniture
    Clean {
        /// Files, folders or `-` for standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Show the verdict on every line.
        #[arg(long)]
        explain: bool,
    },
    /// Brief a pile of articles: stories, who said what, timeline, facts.
    ///
    /// Example: marsad brief examples/kim-putin-2023 --format md > brief.md
    Brief {
        /// Files, folders or `-` for standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Named entities: CoNLL tagging of tokens, or a listing of entity mentions.
    ///
    /// With --conll, reads one token per line on stdin (blank line between
    /// sentences) and writes `token TAG` lines with BIO tags in ANERcorp's
    /// types (PERS, LOC, ORG, MISC), the same tokens in the same order.
    /// Otherwise lists the mentions in PATHs, tab-separated: document id,
    /// entity id, type, start, end (characters), mention.
    ///
    /// Example: cut -d' ' -f1 test.txt | marsad ner --conll > pred.txt
    Ner {
        /// Tag tokens from stdin in CoNLL form.
        #[arg(long)]
        conll: bool,
        /// With --conll: use only the statistical tagger (no gazetteer or rules).
        #[arg(long, requires = "conll")]
        model_only: bool,
        /// Files, folders or `-` (without --conll).
        #[arg(value_name = "PATH", required_unless_present = "conll")]
        paths: Vec<PathBuf>,
    },
    /// Store articles: analyze them and keep documents, stories and entities in the store.
    ///
    /// The same article ingested twice is stored once; new articles join the
    /// stories already stored; an interrupted ingest loses nothing committed
    /// and is finished by the next command that opens the store.
    ///
    /// Example: marsad ingest ../shared/data/saudinewsnet/articles.jsonl.gz
    #[cfg(feature = "store")]
    Ingest {
        /// Files, folders or `-` for standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// The store folder.
        #[arg(long, value_name = "DIR", default_value = marsad_store::DEFAULT_DIR)]
        data: PathBuf,
    },
    /// Search the stored articles, with Arabic-aware matching.
    ///
    /// Words match across clitics and light inflection («الزعيم الكوري» finds
    /// «والزعيم الكوري»); quoted words are a phrase; a name matches its
    /// spelling variants («بيونغ يانغ» finds «بيونج يانج»).
    ///
    /// Example: marsad search '"الزعيم الكوري"' --from 2023-09-01 --format json
    #[cfg(feature = "store")]
    Search {
        /// The query.
        #[arg(value_name = "QUERY")]
        query: String,
        /// The store folder.
        #[arg(long, value_name = "DIR", default_value = marsad_store::DEFAULT_DIR)]
        data: PathBuf,
        /// text or json.
        #[arg(long, short, value_enum, default_value_t = HitsFormat::Text)]
        format: HitsFormat,
        /// Only this outlet.
        #[arg(long)]
        outlet: Option<String>,
        /// Only documents published on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Only documents published on or before this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Only documents naming this entity id.
        #[arg(long, value_name = "ID")]
        entity: Option<String>,
        /// Only documents of this story id.
        #[arg(long, value_name = "ID")]
        story: Option<String>,
        /// Hits per page.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Hits to skip.
        #[arg(long, default_value_t = 0)]
        offset: usize,
    },
    /// Watch RSS/Atom feeds: poll them politely and store their new articles.
    ///
    /// FEEDS lists one feed URL per line (# starts a comment). Feeds are
    /// fetched with conditional GET, at most one request per host per
    /// second; private and loopback addresses are refused unless
    /// --allow-private.
    ///
    /// Example: marsad watch feeds.txt --once
    #[cfg(feature = "watch")]
    Watch {
        /// The feed list.
        #[arg(value_name = "FEEDS")]
        feeds: PathBuf,
        /// The store folder.
        #[arg(long, value_name = "DIR", default_value = marsad_store::DEFAULT_DIR)]
        data: PathBuf,
        /// Poll once and exit.
        #[arg(long)]
        once: bool,
        /// Seconds between polls.
        #[arg(long, value_name = "SECONDS", default_value_t = 900)]
        interval: u64,
        /// Allow private, loopback and link-local addresses (a feed on your own network).
        #[arg(long)]
        allow_private: bool,
        /// Where the poll state is kept (default: DIR/watch-state.json).
        #[arg(long, value_name = "FILE")]
        state: Option<PathBuf>,
    },
    /// Serve the store: a JSON API (/api/...) and a web page at /.
    ///
    /// Writes (POST /api/documents) are off unless --token (or MARSAD_TOKEN)
    /// is set; clients then send `Authorization: Bearer TOKEN`.
    ///
    /// Example: marsad serve --addr 127.0.0.1:8080
    #[cfg(feature = "serve")]
    Serve {
        /// Address to listen on (port 0 picks a free one).
        #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
        addr: String,
        /// The store folder.
        #[arg(long, value_name = "DIR", default_value = marsad_store::DEFAULT_DIR)]
        data: PathBuf,
        /// The bearer token that turns the write endpoint on.
        #[arg(long, env = "MARSAD_TOKEN", hide_env_values = true)]
        token: Option<String>,
    },
    /// Measure the throughput of every stage (ingest, cleaning, text core, entities, quotes, dates, stories) on one core.
    ///
    /// Reports articles/s, MB/s and peak memory. Defaults to the SaudiNewsNet
    /// corpus beside the repository.
    Bench {
        /// A corpus to measure on.
        #[arg(value_name = "PATH", default_value = "../shared/data/saudinewsnet/articles.jsonl.gz")]
        path: PathBuf,
        /// Measure search latency (p50/p99) over the store in --data instead.
        #[cfg(feature = "store")]
        #[arg(long)]
        search: bool,
        /// The store folder, with --search.
        #[cfg(feature = "store")]
        #[arg(long, value_name = "DIR", default_value = marsad_store::DEFAULT_DIR)]
        data: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
    Jsonl,
    Md,
    Html,
}

#[cfg(feature = "store")]
#[derive(Debug, Clone, Copy, ValueEnum)]
enum HitsFormat {
    Text,
    Json,
}

impl From<OutputFormat> for Format {
    fn from(f: OutputFormat) -> Self {
        match f {
            OutputFormat::Text => Format::Text,
            OutputFormat::Json => Format::Json,
            OutputFormat::Jsonl => Format::Jsonl,
            OutputFormat::Md => Format::Markdown,
            OutputFormat::Html => Format::Html,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_env("MARSAD_LOG").unwrap_or_else(|_| "warn".into()))
        .with_writer(io::stderr)
        .init();
    match run(cli) {
        Ok(code) => code,
        Err(e) if e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("marsad: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let options = Options { max_bytes: cli.max_bytes };
    match cli.command {
        Command::Analyze { paths } => {
            let bar = progress::Bars::new(cli.quiet);
            let corpus = analyze_inputs(&paths, &options, &bar);
            bar.finish();
            // Documents carry their story; the story briefs are `brief`'s work.
            let mut documents = corpus.documents;
            marsad_stories::find_stories(&mut documents, marsad_stories::Settings::default());
            write_documents(&documents)?;
            Ok(report(&corpus.errors))
        }
        Command::Brief { paths, format } => {
            let bar = progress::Bars::new(cli.quiet);
            let corpus = analyze_inputs(&paths, &options, &bar);
            bar.finish();
            let brief = Brief::new(corpus.documents);
            write_out(&brief, format.into())?;
            Ok(report(&corpus.errors))
        }
        Command::Ner { conll, model_only, paths } => ner(conll, model_only, &paths, &options),
        Command::Clean { paths, explain } => clean(&paths, explain, &options),
        #[cfg(feature = "serve")]
        Command::Serve { addr, data, token } => {
            let config = marsad_serve::Config { token, ..marsad_serve::Config::default() };
            marsad_serve::serve_blocking(&data, &addr, config, |at| {
                eprintln!("marsad: serving {} on http://{at} (Ctrl-C stops)", data.display());
            })?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "store")]
        Command::Bench { search: true, data, .. } => store::search_latency(&data),
        Command::Bench { path, .. } => bench::run(&path, &options),
        #[cfg(feature = "store")]
        Command::Ingest { paths, data } => store::ingest(&paths, &data, &options, cli.quiet),
        #[cfg(feature = "store")]
        Command::Search { query, data, format, outlet, from, to, entity, story, limit, offset } => store::search(
            &marsad_search::SearchQuery { text: query, outlet, from, to, entity, story, limit, offset },
            matches!(format, HitsFormat::Json),
            &data,
        ),
        #[cfg(feature = "watch")]
        Command::Watch { feeds, data, once, interval, allow_private, state } => store::watch(
            store::WatchArgs { feeds, allow_private, once, interval_secs: interval, state },
            &data,
            cli.quiet,
        ),
    }
}

fn ner(conll: bool, model_only: bool, paths: &[PathBuf], options: &Options) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if conll {
        let stdin = io::stdin();
        if model_only {
            marsad_ner::tag_conll(stdin.lock(), &mut out)?;
        } else {
            marsad_entities::conll::tag_conll(stdin.lock(), &mut out)?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let corpus = analyze_inputs(paths, options, &());
    for doc in &corpus.documents {
        for e in &doc.entities {
            for m in &e.mentions {
                writeln!(out, "{}\t{}\t{}\t{}\t{}\t{}", doc.id, e.id, e.kind, m.start, m.end, m.text)?;
            }
        }
    }
    out.flush()?;
    Ok(report(&corpus.errors))
}

fn clean(paths: &[PathBuf], explain: bool, options: &Options) -> anyhow::Result<ExitCode> {
    let (raws, errors) = marsad_analyze::pipeline::read_all(paths, options, &());
    let cleaner = marsad_ingest::Cleaner::with_repeated_lines(marsad_ingest::RepeatedLines::from_articles(&raws));
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for raw in &raws {
        if explain {
            for v in cleaner.explain(raw) {
                let json = serde_json::to_value(&v)?;
                let field = |k: &str| json.get(k).and_then(|x| x.as_str()).unwrap_or("").to_owned();
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}",
                    v.article,
                    field("zone"),
                    field("verdict"),
                    field("reason"),
                    v.text
                )?;
            }
        } else {
            for article in cleaner.clean(raw) {
                serde_json::to_writer(&mut out, &article)?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(report(&errors))
}

fn write_documents(documents: &[marsad_analyze::Document]) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    marsad_brief::render::documents_jsonl(documents, &mut out)?;
    out.flush()
}

fn write_out(brief: &Brief, format: Format) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    render(brief, format, &mut out)?;
    out.flush()
}

/// Prints each error on stderr; exit status 1 when there were any.
fn report(errors: &[marsad_ingest::IngestError]) -> ExitCode {
    for e in errors {
        eprintln!("marsad: {e}");
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
