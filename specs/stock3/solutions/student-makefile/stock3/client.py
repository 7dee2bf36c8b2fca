import json
import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))


def main():
    symbols = sys.argv[1:] or ["AAPL", "GOOG", "MSFT"]
    try:
        with socket.create_connection((HOST, PORT)) as sock, sock.makefile("rw") as f:
            f.write(json.dumps({"symbols": symbols}) + "\n")
            f.flush()
            line = f.readline()
    except OSError as err:
        sys.exit(f"stock server not reachable at {HOST}:{PORT} ({err})")
    if not line:
        sys.exit("the server hung up without answering")
    try:
        reply = json.loads(line)
        prices = reply["prices"]
    except (ValueError, KeyError, TypeError):
        sys.exit("unexpected reply: " + line.strip())
    for symbol, price in zip(symbols, prices):
        print(f"{symbol}: {'unknown' if price is None else price}")


if __name__ == "__main__":
    main()
