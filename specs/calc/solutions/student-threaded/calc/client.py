import os
import socket
import sys

PORT = int(os.environ.get("PORT", 5005))


def main():
    try:
        sock = socket.create_connection(("127.0.0.1", PORT))
    except ConnectionRefusedError:
        print(f"error: no calculator server on port {PORT}", file=sys.stderr)
        return 2
    with sock:
        replies = sock.makefile("r", encoding="utf-8", newline="\n")
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            sock.sendall(line.encode() + b"\n")
            answer = replies.readline()
            if not answer:
                print("error: the server went away", file=sys.stderr)
                return 1
            print("=", answer.rstrip("\n"))
    return 0


sys.exit(main())
