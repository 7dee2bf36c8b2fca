import signal
import socket
import sys

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect(("localhost", 65432))


def stop(signum, frame):
    print("\nCtrl+C pressed, closing")
    sock.close()
    sys.exit(0)


signal.signal(signal.SIGINT, stop)

buf = b""
while True:
    line = sys.stdin.readline()
    if line == "":
        print("stdin closed")
        break
    text = line.rstrip("\n")
    if text.strip().lower() in ("quit", "exit"):
        break
    sock.sendall((text + "\n").encode())
    while b"\n" not in buf:
        chunk = sock.recv(1024)
        if not chunk:
            break
        buf += chunk
    if b"\n" not in buf:
        print("server closed the connection")
        break
    answer, buf = buf.split(b"\n", 1)
    print(answer.decode())
    if text.strip().lower() == "bye":
        break
sock.close()
