//! A tiny HTTP/1.1 server on 127.0.0.1 for the watcher's tests: fixed
//! responses per path, conditional GET on ETag and Last-Modified, optional
//! gzip, and a log of every request with its headers and arrival time.
//!
//! One connection at a time, `Connection: close` on every response; it stops
//! when dropped. It serves only loopback, so no test sends traffic elsewhere.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A canned response.
#[derive(Debug, Clone, Default)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Answer 304 when the request's `If-None-Match` is this.
    pub etag: Option<String>,
    /// Answer 304 when the request's `If-Modified-Since` is this.
    pub last_modified: Option<String>,
    /// Send the body gzip-compressed when the client accepts gzip.
    pub gzip: bool,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            ..Reply::default()
        }
    }

    pub fn status(status: u16, headers: &[(&str, &str)]) -> Reply {
        Reply {
            status,
            headers: headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            ..Reply::default()
        }
    }

    pub fn with_etag(mut self, etag: &str) -> Reply {
        self.etag = Some(etag.to_string());
        self
    }

    pub fn with_last_modified(mut self, date: &str) -> Reply {
        self.last_modified = Some(date.to_string());
        self
    }

    pub fn gzipped(mut self) -> Reply {
        self.gzip = true;
        self
    }
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
    pub at: Instant,
}

pub struct TestServer {
    pub addr: SocketAddr,
    routes: Arc<Mutex<HashMap<String, Reply>>>,
    log: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl TestServer {
    pub fn start() -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local address");
        let routes: Arc<Mutex<HashMap<String, Reply>>> = Arc::default();
        let log: Arc<Mutex<Vec<Request>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (routes, log, stop) = (routes.clone(), log.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    if let Ok(stream) = stream {
                        serve(stream, &routes, &log);
                    }
                }
            })
        };
        TestServer { addr, routes, log, stop, thread: Some(thread) }
    }

    /// `http://127.0.0.1:PORT`
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base())
    }

    pub fn route(&self, path: &str, reply: Reply) {
        self.routes.lock().expect("routes").insert(path.to_string(), reply);
    }

    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().expect("log").clone()
    }

    pub fn requests_to(&self, path: &str) -> Vec<Request> {
        self.requests().into_iter().filter(|r| r.path == path).collect()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(mut stream: TcpStream, routes: &Mutex<HashMap<String, Reply>>, log: &Mutex<Vec<Request>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
        if head.len() > 64 * 1024 {
            return;
        }
    }
    let at = Instant::now();
    let text = String::from_utf8_lossy(&head);
    let mut lines = text.split("\r\n");
    let path = lines.next().and_then(|l| l.split_whitespace().nth(1)).unwrap_or("/").to_string();
    let headers: HashMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    log.lock().expect("log").push(Request { path: path.clone(), headers: headers.clone(), at });

    let reply = routes.lock().expect("routes").get(&path).cloned().unwrap_or_else(|| Reply::status(404, &[]));
    let not_modified = reply.etag.as_ref().is_some_and(|e| headers.get("if-none-match") == Some(e))
        || reply.last_modified.as_ref().is_some_and(|d| headers.get("if-modified-since") == Some(d));
    let mut extra = reply.headers.clone();
    if let Some(etag) = &reply.etag {
        extra.push(("ETag".into(), etag.clone()));
    }
    if let Some(date) = &reply.last_modified {
        extra.push(("Last-Modified".into(), date.clone()));
    }
    let (status, body) = if not_modified {
        (304, Vec::new())
    } else if reply.gzip && headers.get("accept-encoding").is_some_and(|a| a.contains("gzip")) {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(&reply.body).expect("gzip");
        extra.push(("Content-Encoding".into(), "gzip".into()));
        (reply.status, encoder.finish().expect("gzip"))
    } else {
        (reply.status, reply.body.clone())
    };
    let mut response = format!("HTTP/1.1 {status} Test\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    for (name, value) in extra {
        response.push_str(&format!("{name}: {value}\r\n"));
    }
    response.push_str("\r\n");
    let _ = stream.write_all(response.as_bytes());
    let _ = stream.write_all(&body);
    let _ = stream.flush();
}

/// A fixture from `tests/fixtures`, with `{BASE}` replaced by `base`.
pub fn fixture(name: &str, base: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")).replace("{BASE}", base)
}
