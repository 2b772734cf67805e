"""What both interoperability checks share: the test messages, a GSM 03.38 reader that does not
come from the software under test, the SMSC simulator's recording, and PASS/FAIL reporting.

run.sh counts the `PASS ` and `FAIL ` lines the checks print.
"""

import json
import sys

MSISDN = "254700123456"
SENDER = "MPESA"

# The seed's confirmation (issue 7 acceptance): exactly this text, GSM 03.38, one part.
SEED_EN = ("Confirmed. Ksh5,000.00 sent to 254711987654 on 2/9/24 at 2:30 PM. "
           "New balance is Ksh19,985.00. Transaction cost Ksh15.00.")
SEED_SW = ("Imethibitishwa. Ksh5,000.00 imetumwa kwa 254711987654 tarehe 2/9/24 saa 2:30 PM. "
           "Salio jipya ni Ksh19,985.00. Gharama ya muamala ni Ksh15.00.")
EXTENSION = "Ada ya huduma: 2€ [bei maalum] {punguzo} ~ ni ^ ya | na \\ mwisho."


def _long_text():
    sentence = "Salio lako la M-PESA ni Ksh19,985.00; asante kwa kutumia huduma zetu. "
    text = (sentence * 8)[:396]
    return text + " END"


LONG_400 = _long_text()
assert len(LONG_400) == 400


def _emoji_text():
    # 66 UTF-16 units, then a surrogate pair: a sender that cuts UCS-2 every 67 units (as
    # smpplib's make_parts does) splits this emoji between parts 1 and 2, which the SMSC must
    # still reassemble exactly.
    head = "Malipo yamekamilika! Asante kwa kutumia M-PESA, karibu tena kesho. "[:66]
    return head + "\U0001F600 Hongera \U0001F389\u2705 pesa imefika salama \U0001F44D\U0001F3FD kwa mpokeaji. \U0001F4B0"


EMOJI = _emoji_text()

# (reference, text, data_coding we expect on the wire)
MESSAGES = [
    ("seed-en", SEED_EN, 0),
    ("seed-sw", SEED_SW, 0),
    ("gsm-extension", EXTENSION, 0),
    ("long-400", LONG_400, 0),
    ("emoji", EMOJI, 8),
]

# GSM 03.38 default alphabet and its extension table (TS 23.038 §6.2.1), written out here so the
# check does not trust the decoder of either side.
GSM_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = {0x0A: "\f", 0x14: "^", 0x28: "{", 0x29: "}", 0x2F: "\\", 0x3C: "[", 0x3D: "~",
                 0x3E: "]", 0x40: "|", 0x65: "€"}
assert len(GSM_BASIC) == 128


def decode_gsm(octets):
    """Unpacked GSM 03.38 septets (one per octet) to text."""
    out = []
    escape = False
    for octet in octets:
        if escape:
            out.append(GSM_EXTENSION.get(octet, GSM_BASIC[octet & 0x7F]))
            escape = False
        elif octet == 0x1B:
            escape = True
        else:
            out.append(GSM_BASIC[octet & 0x7F])
    return "".join(out)


def decode_payload(octets, data_coding):
    """The text of joined payloads: parts are joined before decoding, as a handset does."""
    if data_coding == 8:
        return octets.decode("utf-16-be")
    if data_coding == 3:
        return octets.decode("latin-1")
    return decode_gsm(octets)


def split_udh(short_message, esm_class):
    """(reference, total, number, payload) of a part; (None, 1, 1, whole) without a UDH."""
    if not esm_class & 0x40:
        return None, 1, 1, short_message
    length = short_message[0]
    header = short_message[1:1 + length]
    payload = short_message[1 + length:]
    index = 0
    while index + 1 < len(header):
        iei, size = header[index], header[index + 1]
        data = header[index + 2:index + 2 + size]
        if iei == 0x00 and size == 3:
            return data[0], data[1], data[2], payload
        if iei == 0x08 and size == 4:
            return (data[0] << 8) | data[1], data[2], data[3], payload
        index += 2 + size
    raise ValueError("UDH without a concatenation element: %s" % header.hex())


def read_records(path):
    """The SMSC simulator's JSON lines (one per reassembled message)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    except FileNotFoundError:
        return []


def check_record(record, reference, text, data_coding, message_ids, system_id):
    """Differences between one recorded message and what was sent; empty when it matches."""
    problems = []
    expected = {
        "text": text, "dataCoding": data_coding, "source": SENDER, "sourceTON": 5, "sourceNPI": 0,
        "destination": MSISDN, "destinationTON": 1, "destinationNPI": 1,
        "parts": len(message_ids), "messageIDs": message_ids, "systemID": system_id,
    }
    for key, value in expected.items():
        if record.get(key) != value:
            problems.append("%s: recorded %r, expected %r" % (key, record.get(key), value))
    return problems


class Report:
    """Prints one PASS or FAIL line per check, with every reason a check failed."""

    def __init__(self, direction):
        self.direction = direction
        self.failed = 0
        self.passed = 0

    def check(self, name, problems):
        label = "%s/%s" % (self.direction, name)
        if problems:
            self.failed += 1
            print("FAIL %s" % label)
            for problem in problems:
                print("     - %s" % problem)
        else:
            self.passed += 1
            print("PASS %s" % label)
        sys.stdout.flush()

    def note(self, line):
        print("     note: %s" % line)
        sys.stdout.flush()

    def exit(self):
        sys.exit(1 if self.failed else 0)
