import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))


def main():
    symbols = sys.argv[1:] or ["AAPL", "GOOG", "MSFT"]
    try:
        with socket.create_connection((HOST, PORT)) as sock, sock.makefile("rw") as f:
            for symbol in symbols:
                f.write(symbol + "\n")
                f.flush()
                answer = f.readline()
                if not answer:
                    sys.exit("the server hung up before answering " + symbol)
                print(f"{symbol}: {answer.strip()}")
    except OSError as err:
        sys.exit(f"stock server not reachable at {HOST}:{PORT} ({err})")


if __name__ == "__main__":
    main()
