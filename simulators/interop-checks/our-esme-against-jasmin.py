#!/usr/bin/env python3
"""Our ESME (the SMPP module's ESMEClient, driven by `smpp-interop`) against an SMSC we did not
write: the SMPP server of Jasmin (PyPI `jasmin`), the SMS gateway operators run in front of their
SMSC links.

Jasmin is a gateway, not a radio network: it accepts an ESME's submit_sm on its SMPP server,
answers with its own message ids (UUIDs), routes the message to an upstream SMSC connector and
turns the upstream's receipts into receipts of its own. Its upstream here is smsc-sim
(`--unrouted deliver`), so every part is delivered and receipted. Checked for every message:
  - our ESME bound to Jasmin, and Jasmin accepted every part (submit_sm_resp ESME_ROK, an id each);
  - Jasmin's own log shows each of those ids forwarded, from MPESA to the MSISDN;
  - what reached the far end (smsc-sim's recording) is the text exactly, with data_coding and
    TON/NPI as our ESME sent them, in as many parts;
  - our ESME matched one final DELIVRD receipt from Jasmin to every part, by Jasmin's id, and the
    receipt text's `id:` names the same id.
Exits 1 with the reasons on any mismatch.
"""

import argparse
import json
import os
import re
import socket
import subprocess
import time
import warnings

from interop_common import MESSAGES, MSISDN, SENDER, Report, check_record, read_records

warnings.filterwarnings("ignore", category=DeprecationWarning)
import telnetlib  # noqa: E402  (jcli is a telnet console; telnetlib is in Python 3.11)

ESME_USER = ("pesagate", "secret")  # Jasmin allows at most 8 characters in a password


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--driver", required=True, help="path of the smpp-interop executable")
    parser.add_argument("--jcli-port", type=int, required=True)
    parser.add_argument("--smpp-port", type=int, required=True, help="Jasmin's SMPP server")
    parser.add_argument("--upstream-port", type=int, required=True, help="smsc-sim behind Jasmin")
    parser.add_argument("--upstream-system-id", required=True)
    parser.add_argument("--upstream-password", required=True)
    parser.add_argument("--record", required=True, help="smsc-sim's --record file")
    parser.add_argument("--jasmin-logs", required=True, help="Jasmin's log directory")
    parser.add_argument("--work", required=True, help="a scratch directory")
    parser.add_argument("--timeout", type=float, default=30.0)
    return parser.parse_args()


def wait_for_port(port, deadline):
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            return True
        except OSError:
            time.sleep(0.2)
    return False


class JCli:
    """Jasmin's management console: one command per line, `jcli : ` or `> ` when done."""

    PROMPTS = [re.compile(rb"jcli : $"), re.compile(rb"\r\n> $")]

    def __init__(self, port):
        self.telnet = telnetlib.Telnet("127.0.0.1", port, 10)
        self.telnet.read_until(b"jcli : ", 10)

    def run(self, line):
        self.telnet.write(line.encode() + b"\r\n")
        _, _, output = self.telnet.expect(self.PROMPTS, 10)
        return output.decode("utf-8", "replace")

    def add(self, command, fields):
        """`command -a`, one `key value` per field, `ok`; returns the answer to `ok`."""
        self.run(command + " -a")
        for key, value in fields:
            self.run("%s %s" % (key, value))
        return self.run("ok")


def configure_jasmin(args, problems):
    """Upstream connector to smsc-sim, the ESME's account, and a default route to the connector."""
    jcli = JCli(args.jcli_port)
    answers = [
        jcli.add("smppccm", [
            ("cid", "upstream"), ("host", "127.0.0.1"), ("port", args.upstream_port),
            ("username", args.upstream_system_id), ("password", args.upstream_password),
            # Jasmin throttles a connector to 1 message/s unless told otherwise.
            ("submit_throughput", 0),
        ]),
        jcli.run("smppccm -1 upstream"),
        jcli.add("group", [("gid", "interop")]),
        jcli.add("user", [("username", ESME_USER[0]), ("password", ESME_USER[1]), ("gid", "interop"), ("uid", "pesagate")]),
        jcli.add("mtrouter", [("type", "DefaultRoute"), ("connector", "smppc(upstream)"), ("rate", "0.00")]),
    ]
    for answer in answers:
        if "Successfully" not in answer:
            problems.append("jcli refused: %r" % answer.strip())
    return jcli


def wait_for_upstream_bind(jcli, deadline):
    while time.monotonic() < deadline:
        if "BOUND_TRX" in jcli.run("smppccm -l"):
            return True
        time.sleep(0.2)
    return False


def run_driver(args, deadline):
    path = os.path.join(args.work, "messages.json")
    with open(path, "w", encoding="utf-8") as handle:
        json.dump([{"reference": r, "to": MSISDN, "text": t, "source": SENDER} for r, t, _ in MESSAGES], handle)
    remaining = max(5.0, deadline - time.monotonic())
    command = [args.driver, "--port", str(args.smpp_port), "--system-id", ESME_USER[0], "--password", ESME_USER[1],
               "--messages", path, "--receipt-timeout-ms", str(int(min(remaining - 2, 20) * 1000))]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=remaining + 10, stdin=subprocess.DEVNULL)
    with open(os.path.join(args.work, "smpp-interop.out"), "w", encoding="utf-8") as handle:
        handle.write(finished.stdout)
    reports = {}
    for line in finished.stdout.splitlines():
        if line.strip():
            report = json.loads(line)
            reports[report["reference"]] = report
    return reports, finished


def jasmin_forwarded(log_dir):
    """Jasmin's messages.log: queue-msgid -> (from, to) of every SMS-MT it handed upstream."""
    forwarded = {}
    pattern = re.compile(r"SMS-MT \[cid:upstream\] \[queue-msgid:([^\]]+)\].*?\[status:([^\]]+)\].*?"
                         r"\[from:b?'([^']*)'\] \[to:b?'([^']*)'\]")
    try:
        with open(os.path.join(log_dir, "messages.log"), encoding="utf-8", errors="replace") as handle:
            for line in handle:
                match = pattern.search(line)
                if match:
                    forwarded[match.group(1)] = (match.group(2), match.group(3), match.group(4))
    except FileNotFoundError:
        pass
    return forwarded


def check_message(args, report, reference, message, data_coding, result, records, forwarded):
    if result is None:
        return report.check(reference, ["smpp-interop printed nothing for it"])
    if result.get("error"):
        return report.check(reference, ["Jasmin did not accept it: %s" % result["error"]])
    problems = []
    parts = result["parts"]
    ids = [part["messageID"] for part in parts]
    if not parts or any(not i for i in ids) or len(set(ids)) != len(ids):
        problems.append("submit_sm_resp ids %r" % ids)
    for number, message_id in enumerate(ids, start=1):
        entry = forwarded.get(message_id)
        if entry is None:
            problems.append("part %d: Jasmin's log shows no SMS-MT for its id %s" % (number, message_id))
        elif entry != ("CommandStatus.ESME_ROK", SENDER, MSISDN):
            problems.append("part %d: Jasmin forwarded it as %r" % (number, entry))

    matching = [r for r in records if r.get("text") == message]
    if len(matching) != 1:
        problems.append("the far end recorded %d messages with this text" % len(matching))
    else:
        upstream_ids = matching[0].get("messageIDs", [])
        problems += [p for p in check_record(matching[0], reference, message, data_coding, upstream_ids,
                                             args.upstream_system_id)]
        if len(upstream_ids) != len(parts):
            problems.append("our ESME sent %d parts, the far end got %d" % (len(parts), len(upstream_ids)))

    for number, message_id in enumerate(ids, start=1):
        receipts = [r for r in result["receipts"] if r["partNumber"] == number]
        finals = [r for r in receipts if r["state"] != "ENROUTE"]
        if len(finals) != 1:
            problems.append("part %d (%s): %d final receipts matched" % (number, message_id, len(finals)))
            continue
        receipt = finals[0]
        if receipt["state"] != "DELIVRD":
            problems.append("part %d: receipt state %s" % (number, receipt["state"]))
        if receipt["submittedMessageID"] != message_id:
            problems.append("part %d: receipt matched to %s" % (number, receipt["submittedMessageID"]))
        if receipt["receiptMessageID"].lower() != message_id.lower():
            problems.append("part %d: receipt names %s" % (number, receipt["receiptMessageID"]))
        text_id = receipt.get("textMessageID")
        if text_id is not None and text_id.lower() != message_id.lower():
            problems.append("part %d: receipt text says id:%s" % (number, text_id))
    report.check(reference, problems)


def main():
    args = parse_arguments()
    report = Report("our-esme->jasmin")
    deadline = time.monotonic() + args.timeout
    problems = []
    if not wait_for_port(args.jcli_port, deadline):
        report.check("setup", ["Jasmin's jcli did not open port %d (see %s)" % (args.jcli_port, args.jasmin_logs)])
        report.exit()
    jcli = configure_jasmin(args, problems)
    if not problems and not wait_for_upstream_bind(jcli, min(deadline, time.monotonic() + 15)):
        problems.append("Jasmin's connector did not bind to smsc-sim on port %d" % args.upstream_port)
    report.check("setup", problems)
    if problems:
        report.exit()

    reports, finished = run_driver(args, deadline)
    bind_problems = []
    if not reports:
        bind_problems.append("smpp-interop exited %d: %s" % (finished.returncode, finished.stderr.strip()[-500:]))
    report.check("bind", bind_problems)
    time.sleep(0.2)  # smsc-sim writes its record right after answering
    records = read_records(args.record)
    forwarded = jasmin_forwarded(args.jasmin_logs)
    for reference, message, data_coding in MESSAGES:
        check_message(args, report, reference, message, data_coding, reports.get(reference), records, forwarded)
    if finished.stderr.strip():
        report.note("smpp-interop stderr: %s" % finished.stderr.strip()[-300:])
    report.exit()


if __name__ == "__main__":
    main()
