#!/usr/bin/env python3
"""Writes the email fixtures of package email (run from this folder).

The messages are written by hand below; Python's own codecs produce the
GBK, GB2312, Big5 and ISO-8859-1 bytes, base64 and quoted-printable, so the
Go decoder is checked against an independent encoder. The expected values
are asserted in ../email_test.go; re-running this script must give the same
bytes (it uses no randomness and no clock).
"""
import base64, quopri, struct, zlib, urllib.parse

def b(s, enc):
    return s.encode(enc)

def word_b(s, charset, enc=None):
    return "=?%s?B?%s?=" % (charset, base64.b64encode(s.encode(enc or charset)).decode())

def word_q(s, charset):
    raw = s.encode(charset)
    out = ""
    for c in raw:
        ch = chr(c)
        if ch == " ":
            out += "_"
        elif ch.isalnum() and c < 128:
            out += ch
        else:
            out += "=%02X" % c
    return "=?%s?Q?%s?=" % (charset, out)

def qp(data):
    return quopri.encodestring(data)

def b64lines(data):
    s = base64.b64encode(data)
    return b"\n".join(s[i:i + 76] for i in range(0, len(s), 76)) + b"\n"

def write(name, data):
    with open(name, "wb") as f:
        f.write(data)

def png1x1():
    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xd0\x30\x20", 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")

pixel = png1x1()
write("pixel.png", pixel)
blob = bytes(range(256)) * 3
write("blob.bin", blob)

# 1. A Chinese body in GBK, 8bit; a GBK display name in a Q word.
gbk = (
    b"From: " + word_q("OKPay 客服", "gbk").encode() + b" <support@okpay.example>\n"
    b"To: \"Li Wei\" <li.wei@example.cn>\n"
    b"Subject: " + word_b("充值未到账（工单 T-8899）", "utf-8").encode() + b"\n"
    b"Date: Tue, 25 Nov 2025 10:30:00 +0800\n"
    b"Message-ID: <T-8899.1@okpay.example>\n"
    b"MIME-Version: 1.0\n"
    b"Content-Type: text/plain; charset=GBK\n"
    b"Content-Transfer-Encoding: 8bit\n"
    b"\n" + b("您好，李先生：\n您的充值 1280.00 元已在处理中，请在 24 小时内留意到账。\n\nOKPay 客服 王小姐\n", "gbk"))
write("gbk-body.eml", gbk)

# 2. A GB2312 quoted-printable body; the Subject is GBK base64 split across
# two encoded words in the middle of a character (as some mailers do).
subj = "关于退款申请的答复".encode("gbk")
half = 7  # splits the 4th character's two bytes
gb2312 = (
    b"From: =?gb2312?B?" + base64.b64encode("退款部".encode("gb2312")) + b"?= <refunds@okpay.example>\n"
    b"To: li.wei@example.cn\n"
    b"Cc: \"Zhang San\" <zhang@example.cn>, wang@example.cn\n"
    b"Subject: =?GBK?B?" + base64.b64encode(subj[:half]) + b"?=\n"
    b" =?GBK?B?" + base64.b64encode(subj[half:]) + b"?=\n"
    b"Date: Wed, 26 Nov 2025 09:05:10 +0800 (CST)\n"
    b"Message-ID: <refund-42@okpay.example>\n"
    b"In-Reply-To: <li-1@example.cn>\n"
    b"References: <T-8899.1@okpay.example>\n"
    b"   <li-1@example.cn>\n"
    b"MIME-Version: 1.0\n"
    b"Content-Type: text/plain; charset=\"gb2312\"\n"
    b"Content-Transfer-Encoding: quoted-printable\n"
    b"\n" + qp(("李先生您好：\n经核实，您的退款申请（金额 1280.00 元）已受理，款项将在 3 个工作日内原路退回。"
               "如有疑问请回复本邮件。\n\n退款部\n").encode("gb2312")))
write("gb2312-qp.eml", gb2312)

# 3. Big5, base64 body, Big5 Q-encoded subject.
big5 = (
    b"From: service@wallet.example.tw\n"
    b"To: chen@example.tw\n"
    b"Subject: " + word_q("帳戶凍結通知", "big5").encode() + b"\n"
    b"Date: Mon, 01 Dec 2025 16:00:00 +0800\n"
    b"Message-ID: <freeze-7@wallet.example.tw>\n"
    b"MIME-Version: 1.0\n"
    b"Content-Type: text/plain; charset=big5\n"
    b"Content-Transfer-Encoding: base64\n"
    b"\n" + b64lines("陳先生您好：\n您的帳戶因安全檢查暫時凍結，請於七日內提供身分證明文件。\n".encode("big5")))
write("big5.eml", big5)

# 4. UTF-8 base64 body with attachments whose names are encoded three ways:
# RFC 2231 in UTF-8, an RFC 2047 word in a quoted filename (Outlook,
# Foxmail), and RFC 2231 continuations in GBK.
n1 = "转账凭证.pdf"
n2 = "截图 1.png"
n3 = "客服聊天记录（完整版）.bin"
enc3 = urllib.parse.quote(n3.encode("gbk"), safe="")
att = (
    b"From: \"Li Wei\" <li.wei+okpay@example.cn>\n"
    b"To: support@okpay.example\n"
    b"Subject: Re: =?UTF-8?B?" + base64.b64encode("充值未到账".encode()) + b"?=\n"
    b"Date: Tue, 25 Nov 2025 21:15:00 +0800\n"
    b"Message-ID: <li-1@example.cn>\n"
    b"In-Reply-To: <T-8899.1@okpay.example>\n"
    b"MIME-Version: 1.0\n"
    b"Content-Type: multipart/mixed; boundary=\"=_outer\"\n"
    b"\n"
    b"This is a multi-part message in MIME format.\n"
    b"--=_outer\n"
    b"Content-Type: text/plain; charset=UTF-8\n"
    b"Content-Transfer-Encoding: base64\n"
    b"\n" + b64lines("您好：\n附件是转账凭证和截图，请尽快处理。\n李伟\n".encode()) +
    b"--=_outer\n"
    b"Content-Type: application/pdf; name=\"" + word_b(n1, "utf-8").encode() + b"\"\n"
    b"Content-Disposition: attachment; filename*=UTF-8''" + urllib.parse.quote(n1).encode() + b"\n"
    b"Content-Transfer-Encoding: base64\n"
    b"\n" + b64lines(blob) +
    b"--=_outer\n"
    b"Content-Type: image/png\n"
    b"Content-Disposition: attachment;\n filename=\"" + word_b(n2, "gbk").encode() + b"\"\n"
    b"Content-Transfer-Encoding: base64\n"
    b"\n" + b64lines(pixel) +
    b"--=_outer\n"
    b"Content-Type: application/octet-stream\n"
    b"Content-Disposition: attachment;\n"
    b" filename*0*=GBK''" + enc3[:21].encode() + b";\n"
    b" filename*1*=" + enc3[21:].encode() + b"\n"
    b"Content-Transfer-Encoding: base64\n"
    b"\n" + b64lines(blob[:100]) +
    b"--=_outer--\n")
write("utf8-attachments.eml", att)

# 5. HTML only, quoted-printable.
html = """<html><head><title>ignored</title><style>p{color:red}</style></head>
<body><p>Dear customer,</p>
<p>Your withdrawal of <b>&euro;250.00</b> is&nbsp;delayed.<br>Reference: W-5521</p>
<ul><li>Step one</li><li>Step two</li></ul>
<script>alert('x')</script>
<p>See <a href="https://help.wallet.example/w">our help page</a> or write to <a href="mailto:help@wallet.example">help@wallet.example</a>.</p>
<table><tr><td>Amount</td><td>250.00</td></tr></table>
</body></html>
"""
htm = (
    b"From: Wallet <noreply@wallet.example>\n"
    b"To: li.wei@example.cn\n"
    b"Subject: Your withdrawal\n"
    b"Date: Thu, 27 Nov 2025 08:00:00 -0500\n"
    b"Message-ID: <w-5521@wallet.example>\n"
    b"MIME-Version: 1.0\n"
    b"Content-Type: text/html; charset=utf-8\n"
    b"Content-Transfer-Encoding: quoted-printable\n"
    b"\n" + qp(html.encode()))
write("html-only.eml", htm)

# 6. multipart/alternative inside multipart/related with an inline image.
alt = (
    b"From: Wallet <noreply@wallet.example>\n"
    b"To: li.wei@example.cn\n"
    b"Subject: =?ISO-8859-1?Q?Caf=E9_payment_receipt?=\n"
    b"Date: Fri, 28 Nov 2025 12:00:00 +0000\n"
    b"Message-ID: <receipt-9@wallet.example>\n"
    b"MIME-Version: 1.0\n"
    b"Content-Type: multipart/related; boundary=rel; type=\"multipart/alternative\"\n"
    b"\n"
    b"--rel\n"
    b"Content-Type: multipart/alternative; boundary=\"alt\"\n"
    b"\n"
    b"--alt\n"
    b"Content-Type: text/plain; charset=iso-8859-1\n"
    b"Content-Transfer-Encoding: quoted-printable\n"
    b"\n" + qp("Receipt for Café Zoë: 4.50 EUR.\n".encode("iso-8859-1")) +
    b"--alt\n"
    b"Content-Type: text/html; charset=utf-8\n"
    b"\n"
    b"<p>Receipt for Caf\xc3\xa9 Zo\xc3\xab: <img src=\"cid:logo@wallet\" alt=\"logo\"> 4.50 EUR.</p>\n"
    b"--alt--\n"
    b"\n"
    b"--rel\n"
    b"Content-Type: image/png\n"
    b"Content-ID: <logo@wallet>\n"
    b"Content-Transfer-Encoding: base64\n"
    b"\n" + b64lines(pixel) +
    b"--rel--\n")
write("alternative-inline.eml", alt)

# 7. A forwarded message (message/rfc822) with a GBK subject of its own.
inner = (
    b"From: support@okpay.example\n"
    b"To: li.wei@example.cn\n"
    b"Subject: " + word_b("承诺 24 小时内到账", "gbk").encode() + b"\n"
    b"Date: Mon, 24 Nov 2025 18:00:00 +0800\n"
    b"Message-ID: <promise-1@okpay.example>\n"
    b"Content-Type: text/plain; charset=utf-8\n"
    b"\n"
    + "您的充值将在 24 小时内到账。".encode())
write("forwarded-inner.eml", inner)
fwd = (
    b"From: li.wei@example.cn\n"
    b"To: zhang@example.cn\n"
    b"Subject: Fwd: promise\n"
    b"Date: Tue, 02 Dec 2025 07:45:00 +0100\n"
    b"Message-ID: <fwd-1@example.cn>\n"
    b"MIME-Version: 1.0\n"
    b"Content-Type: multipart/mixed; boundary=\"fw\"\n"
    b"\n"
    b"--fw\n"
    b"Content-Type: text/plain\n"
    b"\n"
    b"See the promise below.\n"
    b"--fw\n"
    b"Content-Type: message/rfc822\n"
    b"Content-Disposition: inline\n"
    b"\n" + inner + b"\n"
    b"--fw--\n")
write("forwarded.eml", fwd)

# 8. No Message-ID; a second copy of the same message saved by another
# program (CRLF line ends, a Received line added, a header moved).
nomid_body = "Hello,\nI called today at 10:00 and was promised a call back.\n"
nomid = (
    "From: Li Wei <li.wei@example.cn>\n"
    "To: support@okpay.example\n"
    "Subject: Call back promised\n"
    "Date: Wed, 03 Dec 2025 10:20:00 +0800\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n" + nomid_body).encode()
write("no-message-id.eml", nomid)
nomid2 = (
    "Received: from mx.example.cn by imap.example.cn; Wed, 03 Dec 2025 03:20:05 +0000\n"
    "Subject: Call back promised\n"
    "From: \"Li Wei\" <LI.WEI@example.cn>\n"
    "To: support@okpay.example\n"
    "Date: Wed, 3 Dec 2025 02:20:00 +0000\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n" + nomid_body + "\n").replace("\n", "\r\n").encode()
write("no-message-id-copy.eml", nomid2)

# 9. Two copies of one message with a Message-ID (the second as saved by
# another client: extra Received header, different case in the ID's
# domain, a From_ line on top).
dup = (
    b"From: support@okpay.example\n"
    b"To: li.wei@example.cn\n"
    b"Subject: Ticket T-8899 closed\n"
    b"Date: Thu, 04 Dec 2025 11:00:00 +0800\n"
    b"Message-ID: <close-8899@okpay.example>\n"
    b"\n"
    b"Your ticket was closed.\n")
write("duplicate-a.eml", dup)
write("duplicate-b.eml",
      b"From support@okpay.example Thu Dec  4 03:00:05 2025\n"
      b"Received: by imap.example.cn; Thu, 04 Dec 2025 03:00:05 +0000\n" +
      dup.replace(b"<close-8899@okpay.example>", b" <close-8899@OKPAY.example> "))

# 10. An mbox (mboxrd) of several messages, one with body lines that begin
# with "From " and ">From " (quoted on the way in), one that is not an
# email at all.
quoted_body = (
    b"From: li.wei@example.cn\n"
    b"To: support@okpay.example\n"
    b"Subject: quoting\n"
    b"Date: Fri, 05 Dec 2025 09:00:00 +0800\n"
    b"Message-ID: <quoting-1@example.cn>\n"
    b"\n"
    b"From the start I told you.\n"
    b">From a quoted reply.\n"
    b"\n"
    b"From here on it is in writing.\n")
write("quoting.eml", quoted_body)

def mboxrd(msg):
    out = []
    for line in msg.split(b"\n")[:-1] if msg.endswith(b"\n") else msg.split(b"\n"):
        s = line.lstrip(b">")
        if s.startswith(b"From "):
            line = b">" + line
        out.append(line)
    return b"\n".join(out) + b"\n"

parts = [
    (b"From support@okpay.example Tue Nov 25 02:30:00 2025\n", gbk),
    (b"From li.wei@example.cn Fri Dec  5 01:00:00 2025\n", quoted_body),
    (b"From nobody Fri Dec  5 02:00:00 2025\n", b"this line is not a header\nnor is this\n"),
    (b"From - Mon Dec  1 08:00:00 2025\n", big5),
]
mbox = b"".join(sep + mboxrd(m) + b"\n" for sep, m in parts)
write("mailbox.mbox", mbox)

# 11. 8-bit GBK with no charset declared anywhere (old Chinese mailers):
# raw bytes in the Subject and the From name, and in the body.
write("undeclared-8bit.eml",
      b"From: " + "客服中心".encode("gbk") + b" <kf@pay.example.cn>\n"
      b"To: li.wei@example.cn\n"
      b"Subject: " + "您的投诉已登记".encode("gbk") + b"\n"
      b"Date: 2025-12-06 14:00:00 +0800\n"
      b"\n" + "投诉编号 C-3300，我们将在 7 日内回复。\n".encode("gbk"))

# 12. format=flowed with delsp=yes, a quoted paragraph and a signature; the
# From name is GBK split across two unquoted encoded words.
name = "王小姐".encode("gbk")
write("flowed.eml",
      b"From: =?GBK?B?" + base64.b64encode(name[:3]) + b"?= =?GBK?B?" + base64.b64encode(name[3:]) + b"?= <wang@okpay.example>\n"
      b"To: li.wei@example.cn\n"
      b"Subject: Re: refund\n"
      b"Date: Sun, 07 Dec 2025 10:00:00 +0800\n"
      b"Message-ID: <flowed-1@okpay.example>\n"
      b"Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\n"
      b"\n"
      b"The refund was sent on 5 December and should arrive within three business =\n"
      b"days.\n"
      b"> When will my refund  \n"
      b"> arrive?\n"
      b" From the start, thank you.\n"
      b"-- \n"
      b"OKPay\n".replace(b"=\n", b" \n"))

# 13. HTML whose charset is only in a <meta> tag.
write("html-gbk-meta.eml",
      b"From: noreply@okpay.example\n"
      b"To: li.wei@example.cn\n"
      b"Subject: notice\n"
      b"Date: Mon, 08 Dec 2025 09:00:00 +0800\n"
      b"Content-Type: text/html\n"
      b"\n"
      b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"></head><body><p>" +
      "账户已解冻".encode("gbk") + b"</p></body></html>\n")
