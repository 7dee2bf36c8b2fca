import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))


def main():
    symbol = sys.argv[1] if len(sys.argv) > 1 else "AAPL"
    try:
        with socket.create_connection((HOST, PORT)) as sock:
            sock.sendall(f"{symbol}\n".encode())
            with sock.makefile("r") as f:
                line = f.readline()
    except OSError as err:
        sys.exit(f"stock server not reachable at {HOST}:{PORT} ({err})")
    if not line.strip():
        sys.exit("no answer: the server hung up")
    print(f"{symbol}: {line.strip()}")


if __name__ == "__main__":
    main()
