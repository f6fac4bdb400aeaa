//! The binary as an operator uses it: real processes, a temp data folder.
#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a panic is a failing test with its cause"
)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn newsdesk(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    cmd.args(args)
        .env("NEWSDESK_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, _) in std::env::vars() {
        if k.starts_with("NEWSDESK_") && !k.starts_with("NEWSDESK_TEST_") && k != "NEWSDESK_LOG" {
            cmd.env_remove(k);
        }
    }
    let mut child = cmd.spawn().unwrap();
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn help_documents_every_command() {
    let out = newsdesk(&["--help"], None);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for cmd in ["serve", "migrate", "demo", "user", "token"] {
        assert!(help.contains(cmd), "--help lists {cmd}");
    }
    let serve = text(&newsdesk(&["serve", "--help"], None).stdout);
    for flag in [
        "--listen",
        "--data",
        "--database-url",
        "--demo",
        "NEWSDESK_LISTEN",
        "NEWSDESK_DATABASE_URL",
    ] {
        assert!(serve.contains(flag), "serve --help documents {flag}");
    }
}

#[test]
fn user_add_reads_the_password_from_stdin_and_token_create_prints_a_token() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let out = newsdesk(&["migrate", "--data", data], None);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let add = [
        "user",
        "add",
        "--data",
        data,
        "--email",
        "Ed@Example.com",
        "--name",
        "Ed Itor",
        "--role",
        "editor",
    ];
    let out = newsdesk(&add, Some("correct horse battery staple\n"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("ed@example.com"),
        "email normalised: {}",
        text(&out.stdout)
    );

    let again = newsdesk(&add, Some("correct horse battery staple\n"));
    assert!(
        !again.status.success(),
        "a second account with the same email is refused"
    );

    let short = newsdesk(
        &[
            "user",
            "add",
            "--data",
            data,
            "--email",
            "x@example.com",
            "--name",
            "X",
            "--role",
            "author",
        ],
        Some("short\n"),
    );
    assert!(!short.status.success());
    assert!(
        text(&short.stderr).contains("password"),
        "{}",
        text(&short.stderr)
    );

    let out = newsdesk(
        &[
            "token",
            "create",
            "--data",
            data,
            "--name",
            "wire importer",
            "--role",
            "editor",
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let token = text(&out.stdout).trim().to_owned();
    assert!(
        token.len() >= 32 && !token.contains(' '),
        "one token on stdout: {token:?}"
    );

    // --for: the token belongs to the account and acts with at most its role.
    let token_for = |email: &str, role: Option<&str>| {
        let mut args = vec!["token", "create", "--data", data, "--name", "desk script"];
        args.extend(["--for", email]);
        if let Some(role) = role {
            args.extend(["--role", role]);
        }
        newsdesk(&args, None)
    };
    let out = token_for("ED@example.com", Some("admin"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("for ed@example.com with role editor"),
        "capped at the account's role: {}",
        text(&out.stderr)
    );
    let out = token_for("nobody@example.com", None);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no staff account has the address nobody@example.com"),
        "{}",
        text(&out.stderr)
    );
    // Without --for a role is required.
    let out = newsdesk(&["token", "create", "--data", data, "--name", "x"], None);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--role"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_example_config_file_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/../../newsdesk.example.toml");
    let toml = std::fs::read_to_string(example).unwrap();
    // Point it at a temp folder and SQLite so `migrate` can run it for real.
    let toml = toml
        .replace("/var/lib/newsdesk", dir.path().to_str().unwrap())
        .replace(
            "database_url = \"postgres://newsdesk@db.internal/newsdesk\"",
            "",
        );
    let config = dir.path().join("newsdesk.toml");
    std::fs::write(&config, toml).unwrap();
    let out = newsdesk(&["--config", config.to_str().unwrap(), "migrate"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn configuration_mistakes_stop_start_up_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("newsdesk.toml");
    std::fs::write(&config, "listen = \"127.0.0.1:0\"\nlisten_port = 8080\n").unwrap();
    let out = newsdesk(
        &[
            "--config",
            config.to_str().unwrap(),
            "migrate",
            "--data",
            dir.path().to_str().unwrap(),
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("listen_port"),
        "{}",
        text(&out.stderr)
    );

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    let out = cmd
        .args(["migrate", "--data", dir.path().to_str().unwrap()])
        .env("NEWSDESK_DATABSE_URL", "x")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("NEWSDESK_DATABSE_URL"),
        "{}",
        text(&out.stderr)
    );

    let out = newsdesk(
        &[
            "migrate",
            "--database-url",
            "mysql://localhost/x",
            "--data",
            dir.path().to_str().unwrap(),
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("database_url"),
        "{}",
        text(&out.stderr)
    );

    let out = newsdesk(
        &[
            "serve",
            "--listen",
            "nowhere",
            "--data",
            dir.path().to_str().unwrap(),
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--listen"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn serve_answers_healthz_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--data",
            dir.path().to_str().unwrap(),
        ])
        .env("NEWSDESK_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    // The server prints its address only after binding, so the first request cannot race it.
    let mut line = String::new();
    let mut reader = std::io::BufReader::new(child.stdout.take().unwrap());
    std::io::BufRead::read_line(&mut reader, &mut line).unwrap();
    let addr = line.trim().rsplit("http://").next().unwrap().to_owned();
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut response = String::new();
    std::io::Read::read_to_string(&mut stream, &mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");

    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let status = child.wait().unwrap();
    assert!(
        status.success(),
        "graceful shutdown exits 0, got {status:?}"
    );
}
