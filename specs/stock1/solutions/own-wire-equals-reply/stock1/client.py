import os
import socket
import sys

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

sym = sys.argv[1] if len(sys.argv) > 1 else "AAPL"
try:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((HOST, PORT))
    s.sendall(sym.encode())
    s.shutdown(socket.SHUT_WR)
    answer = b""
    while True:
        part = s.recv(100)
        if not part:
            break
        answer += part
    s.close()
except OSError as e:
    sys.exit("cannot reach the server: " + str(e))

text = answer.decode()
if text == "NOPE":
    print(sym, "unknown symbol")
elif "=" in text:
    print(sym, "costs", text.split("=")[1])
else:
    sys.exit("no answer from the server")
