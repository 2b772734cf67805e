#!/usr/bin/env python3
"""Our SMSC simulator (smsc-sim) against an ESME we did not write: smpplib (PyPI).

smpplib binds as a transceiver and submits the test messages with registered_delivery, split and
encoded by smpplib itself (GSM 03.38 with the extension table, UCS-2, 8-bit-reference UDH). A
second smpplib client binds as the handset's receiver, so smsc-sim delivers the parts to it and
sends DELIVRD receipts once it answered. Checked for every message:
  - every submit_sm_resp is ESME_ROK with a message id of its own;
  - smsc-sim's recording has the text reassembled exactly, data_coding, TON/NPI, part ids;
  - one receipt per part, esm_class 0x04, receipted_message_id, message_state DELIVERED and the
    text's `id:` all naming that part's id;
  - the handset got the parts as parts (UDH kept) and they join to the same text.
Exits 1 with the reasons on any mismatch.
"""

import argparse
import logging
import random
import select
import time

import smpplib.client
import smpplib.consts
import smpplib.gsm

from interop_common import MESSAGES, MSISDN, SENDER, Report, check_record, decode_payload, read_records, split_udh


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--system-id", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--handset-system-id", default="handset")
    parser.add_argument("--handset-password", default="handset")
    parser.add_argument("--record", required=True, help="smsc-sim's --record file")
    parser.add_argument("--timeout", type=float, default=20.0)
    return parser.parse_args()


class Traffic:
    """What the two smpplib clients saw, filled in by their handlers."""

    def __init__(self):
        self.responses = {}  # sequence -> (status, message_id)
        self.receipts = []  # deliver_sm PDUs on the transceiver
        self.handset = []  # deliver_sm PDUs on the receiver

    def on_response(self, pdu, **_):
        self.responses[pdu.sequence] = (pdu.status, text(pdu.message_id))

    def on_receipt(self, pdu, **_):
        self.receipts.append(pdu)

    def on_handset(self, pdu, **_):
        self.handset.append(pdu)


def text(value):
    if value is None:
        return None
    return value.decode("ascii", "replace") if isinstance(value, bytes) else str(value)


def connect(args, traffic):
    esme = smpplib.client.Client(args.host, args.port, timeout=5, allow_unknown_opt_params=True)
    esme.set_message_sent_handler(traffic.on_response)
    esme.set_message_received_handler(traffic.on_receipt)
    # A refused response must be recorded, not raised: the check reports it.
    esme.set_error_pdu_handler(traffic.on_response)
    esme.connect()
    esme.bind_transceiver(system_id=args.system_id, password=args.password)
    handset = smpplib.client.Client(args.host, args.port, timeout=5, allow_unknown_opt_params=True)
    handset.set_message_received_handler(traffic.on_handset)
    handset.connect()
    handset.bind_receiver(system_id=args.handset_system_id, password=args.handset_password,
                          addr_ton=1, addr_npi=1, address_range=MSISDN)
    return esme, handset


def submit_all(esme):
    """Sends every message the way smpplib splits it; returns reference -> [(sequence, part)]."""
    sent = {}
    for reference, message, _ in MESSAGES:
        parts, encoding, esm_class = smpplib.gsm.make_parts(message)
        sent[reference] = []
        for part in parts:
            pdu = esme.send_message(
                source_addr_ton=smpplib.consts.SMPP_TON_ALNUM, source_addr_npi=smpplib.consts.SMPP_NPI_UNK,
                source_addr=SENDER,
                dest_addr_ton=smpplib.consts.SMPP_TON_INTL, dest_addr_npi=smpplib.consts.SMPP_NPI_ISDN,
                destination_addr=MSISDN,
                short_message=part, data_coding=encoding, esm_class=esm_class, registered_delivery=1,
            )
            sent[reference].append((pdu.sequence, part))
    return sent


def pump(clients, done, timeout):
    """Reads both sockets until `done()` or the timeout; smpplib answers deliver_sm itself."""
    deadline = time.monotonic() + timeout
    while not done() and time.monotonic() < deadline:
        readable, _, _ = select.select([c._socket for c in clients], [], [], 0.1)
        for client in clients:
            if client._socket in readable:
                client.read_once()


def check_message(report, args, traffic, reference, message, data_coding, sent, records):
    problems = []
    ids = []
    for number, (sequence, _) in enumerate(sent, start=1):
        status, message_id = traffic.responses.get(sequence, (None, None))
        if status is None:
            problems.append("part %d: no submit_sm_resp" % number)
        elif status != 0:
            problems.append("part %d: submit_sm_resp status 0x%08X" % (number, status))
        elif not message_id:
            problems.append("part %d: submit_sm_resp without message_id" % number)
        ids.append(message_id)
    if problems:
        return report.check(reference, problems)

    matching = [r for r in records if r.get("messageIDs") == ids]
    if len(matching) != 1:
        problems.append("smsc-sim recorded %d messages with ids %s" % (len(matching), ids))
    else:
        problems += check_record(matching[0], reference, message, data_coding, ids, args.system_id)

    for number, message_id in enumerate(ids, start=1):
        receipts = [p for p in traffic.receipts if text(p.receipted_message_id) == message_id]
        if len(receipts) != 1:
            problems.append("part %d (%s): %d receipts with receipted_message_id" % (number, message_id, len(receipts)))
            continue
        receipt = receipts[0]
        body = text(receipt.short_message) or ""
        if receipt.esm_class & 0x3C != 0x04:
            problems.append("part %d: receipt esm_class 0x%02X" % (number, receipt.esm_class))
        if receipt.message_state != 2:
            problems.append("part %d: receipt message_state %r, expected 2 (DELIVERED)" % (number, receipt.message_state))
        if "id:%s " % message_id not in body + " " or "stat:DELIVRD" not in body:
            problems.append("part %d: receipt text %r does not say id:%s stat:DELIVRD" % (number, body, message_id))
        if receipt.data_coding in (0, 1) and any(octet > 0x7F for octet in receipt.short_message):
            # Not GSM septets nor ASCII: Jasmin, for one, sizes the text in characters and breaks.
            problems.append("part %d: receipt text has octets above 0x7F under data_coding %d: %r"
                            % (number, receipt.data_coding, receipt.short_message[-24:]))
        if text(receipt.destination_addr) != SENDER or text(receipt.source_addr) != MSISDN:
            problems.append("part %d: receipt from %r to %r" % (number, text(receipt.source_addr), text(receipt.destination_addr)))

    problems += check_handset(traffic, sent, message, data_coding)
    report.check(reference, problems)


def check_handset(traffic, sent, message, data_coding):
    """The parts as the handset received them: same UDH, alphabet and addresses; same text joined."""
    problems = []
    wanted = [part for _, part in sent]
    got = [p for p in traffic.handset if p.short_message in wanted]
    if len(got) != len(wanted):
        return ["handset received %d of %d parts" % (len(got), len(wanted))]
    pieces = {}
    for pdu in got:
        if pdu.data_coding != data_coding:
            problems.append("handset part data_coding %d, expected %d" % (pdu.data_coding, data_coding))
        if (pdu.source_addr_ton, pdu.dest_addr_ton, pdu.dest_addr_npi) != (5, 1, 1):
            problems.append("handset part TON/NPI %r" % ((pdu.source_addr_ton, pdu.dest_addr_ton, pdu.dest_addr_npi),))
        _, total, number, payload = split_udh(pdu.short_message, pdu.esm_class)
        if total != len(wanted):
            problems.append("handset part says %d parts, expected %d" % (total, len(wanted)))
        pieces[number] = payload
    joined = b"".join(pieces[n] for n in sorted(pieces))
    if decode_payload(joined, data_coding) != message:
        problems.append("handset text %r differs" % decode_payload(joined, data_coding))
    return problems


def main():
    args = parse_arguments()
    logging.basicConfig(level=logging.ERROR)  # smpplib warns about every unhandled event
    random.seed(7)  # smpplib draws the UDH reference at random
    report = Report("smpplib->smsc-sim")
    traffic = Traffic()
    try:
        esme, handset = connect(args, traffic)
    except Exception as error:  # smpplib raises its own and socket errors alike
        report.check("bind", ["cannot bind to smsc-sim at %s:%d: %r" % (args.host, args.port, error)])
        report.exit()
    report.check("bind", [])
    sent = submit_all(esme)
    all_parts = sum(len(parts) for parts in sent.values())
    pump([esme, handset],
         lambda: len(traffic.responses) >= all_parts and len(traffic.receipts) >= all_parts,
         args.timeout)
    time.sleep(0.1)  # the recorder writes right after the response
    records = read_records(args.record)
    for reference, message, data_coding in MESSAGES:
        check_message(report, args, traffic, reference, message, data_coding, sent[reference], records)
    for client in (esme, handset):
        try:
            client.unbind()
            client.disconnect()
        except Exception:
            pass
    report.exit()


if __name__ == "__main__":
    main()
