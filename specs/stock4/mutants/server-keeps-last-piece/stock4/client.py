import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))


def read_line(sock, buffer):
    # keep reading until a whole line has arrived
    while b"\n" not in buffer:
        data = sock.recv(1024)
        if not data:
            return None, buffer
        buffer += data
    line, buffer = buffer.split(b"\n", 1)
    return line.decode().strip(), buffer


def main():
    symbols = sys.argv[1:] or ["AAPL", "GOOG", "MSFT"]
    try:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.connect((HOST, PORT))
    except OSError as e:
        print("cannot connect to the server:", e)
        sys.exit(1)
    buffer = b""
    try:
        for symbol in symbols:
            sock.sendall((symbol + "\n").encode())
            answer, buffer = read_line(sock, buffer)
            if answer is None:
                print("the server closed the connection")
                sys.exit(1)
            print(symbol.upper(), answer)
    except OSError as e:
        print("connection lost:", e)
        sys.exit(1)
    sock.close()


main()
