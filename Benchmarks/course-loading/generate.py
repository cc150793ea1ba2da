#!/usr/bin/env python3
"""Writes N generated lessons (with a check quiz each) as courses of 50 lessons, for the loading benchmark."""
import os
import sys

out, total = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1000
PARAGRAPH = ("Bà Lan ở thôn Đông mở ứng dụng ngân hàng để chuyển tiền cho con. Trước khi bấm xác nhận, bà đọc kỹ "
             "tên người nhận hiện trên màn hình, vì kẻ gian thường gửi mã QR giả có tên na ná. Nếu thấy lạ, bà "
             "dừng lại và gọi cho con qua số đã lưu trong danh bạ để hỏi lại. ")
COURSE = """---
id: {id}
title: Khoá học sinh tự động {n}
summary: Khoá học dùng để đo tốc độ nạp bài học.
audience: [nguoi-dan]
contents: [2, 7]
competences: ["1.1", "4.2"]
level: co-ban
minutes: 500
pass_mark: 80
version: 1
language: vi
---

Giới thiệu khoá học **{n}**.
"""
LESSON = """---
title: Bài học số {k}
minutes: 8
---

## Tình huống

{para}

{para}

- **Bước 1**: kiểm tra tên người nhận.
- **Bước 2**: kiểm tra số tiền.
- **Bước 3**: chỉ nhập mã OTP vào ứng dụng của chính mình.

| Việc | Nên | Không nên |
| --- | --- | --- |
| Mã OTP | Tự nhập vào ứng dụng | Đọc cho người khác |
| Đường link lạ | Bỏ qua | ~~Bấm vào ngay~~ |

Xem thêm tại https://dichvucong.gov.vn hoặc [bài trước]({prev}).

{para}

# Kiểm tra

## Khi nào nên đọc mã OTP cho người khác? {{#otp-{k}}}

{otp_choices}
> Mã OTP chỉ để bạn tự nhập vào ứng dụng của mình.

## Những việc nào an toàn? {{multiple partial}}

- [x] Kiểm tra tên người nhận
- [ ] Bấm vào đường link lạ
- [x] Gọi lại bằng số đã lưu
- [ ] Chuyển trước cho kịp rồi hỏi sau

> Luôn kiểm tra trước khi chuyển tiền.

## Mã OTP thường có mấy chữ số?

Đáp án số: `6`

> Phần lớn là 6 chữ số.
"""
OTP_CHOICES = [
    "- [ ] Khi người đó xưng là nhân viên ngân hàng\n  > Ngân hàng không hỏi mã OTP.\n",
    "- [x] Không đọc cho ai\n",
    "- [ ] Khi người đó gửi giấy tờ qua Zalo\n  > Giấy tờ gửi qua mạng có thể là giả.\n",
]


def otp_choices(k):
    """The choices in a different order from lesson to lesson: a well-written check (no item-writing warning)."""
    shift = k % 3
    return "".join(OTP_CHOICES[shift:] + OTP_CHOICES[:shift])


per_course = 50
for c in range((total + per_course - 1) // per_course):
    cid = f"sinh-tu-dong-{c:03d}"
    folder = os.path.join(out, cid)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "course.md"), "w", encoding="utf-8") as f:
        f.write(COURSE.format(id=cid, n=c))
    for k in range(1, per_course + 1):
        if c * per_course + k > total:
            break
        prev = f"{k - 1:02d}-bai-{k - 1}.md" if k > 1 else "course.md"
        with open(os.path.join(folder, f"{k:02d}-bai-{k}.md"), "w", encoding="utf-8") as f:
            f.write(LESSON.format(k=k, para=PARAGRAPH * 3, prev=prev, otp_choices=otp_choices(k)))
