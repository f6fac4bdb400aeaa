"""Verifies the DKIM signature of the message on standard input with dkimpy, as a
receiving server would, for tests/dkim.rs.

    python3 dkim_verify.py RECORD_FILE NAME < message

RECORD_FILE holds the public key's TXT record; it is the answer to a DNS lookup of NAME
(`selector._domainkey.domain`) and of nothing else, so a signature naming another domain or
selector fails. Prints one JSON object: {"ok": bool, "log": [dkimpy's messages]}. Exits 3 when dkimpy is not installed.
"""

import json
import logging
import sys

try:
    import dkim
except ImportError:
    print("dkimpy is not installed (python3 -m pip install dkimpy)", file=sys.stderr)
    sys.exit(3)


def main():
    record_file, name = sys.argv[1:3]
    with open(record_file, "rb") as f:
        record = f.read().strip()
    wanted = name.rstrip(".").lower()

    def dnsfunc(qname, timeout=5):
        if isinstance(qname, bytes):
            qname = qname.decode("ascii")
        return record if qname.rstrip(".").lower() == wanted else None

    messages = []

    class Collect(logging.Handler):
        def emit(self, record):
            messages.append(record.getMessage())

    logger = logging.getLogger("dkim_verify")
    logger.setLevel(logging.DEBUG)
    logger.addHandler(Collect())

    message = sys.stdin.buffer.read()
    verifier = dkim.DKIM(message, logger=logger)
    # A key of the wrong type can raise from the crypto library (PyNaCl) rather than
    # dkimpy: any exception is a failed verification.
    try:
        ok = bool(verifier.verify(dnsfunc=dnsfunc))
    except Exception as e:
        ok = False
        messages.append("exception: %r" % e)
    # Also through the module-level helper the library documents, as a receiver calls it.
    try:
        ok_again = bool(dkim.verify(message, dnsfunc=dnsfunc))
    except Exception as e:
        ok_again = False
        messages.append("exception: %r" % e)
    print(json.dumps({"ok": ok and ok_again, "log": messages}))


main()
