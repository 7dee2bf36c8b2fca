import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 59))
TIMEOUT = float(os.environ.get("TIMEOUT", 2))


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else input("Which file? ").strip()
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(TIMEOUT)
    s.sendto(name.encode(), (HOST, PORT))
    received = {}
    expected = 0
    while True:
        try:
            data, addr = s.recvfrom(65535)
        except socket.timeout:
            print("Timed out waiting for the server; got", expected, "chunks; nothing saved")
            return 1
        if data.startswith(b"ERROR"):
            print("Server said:", data.decode())
            return 1
        if data.startswith(b"END"):
            total = int(data.split()[1])
            if total != expected:
                print("Missing chunks: expected", total, "got", expected)
                return 1
            break
        if data.startswith(b"DATA"):
            head, body = data.split(b"\n", 1)
            seq = int(head.split()[1])
            if seq == expected:
                received[seq] = body
                expected += 1
                s.sendto(("ACK " + str(seq)).encode(), (HOST, PORT))
            elif seq > expected:
                print("Lost chunk", expected, "- nothing saved")
                return 1
    with open(name, "wb") as f:
        for i in range(expected):
            f.write(received[i])
    print("Downloaded", name)
    return 0


sys.exit(main())
