import os
import socket
import sys
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 54))


def end_chat():
    # input() in the main thread cannot be interrupted, so leave the whole program
    sys.stdout.flush()
    os._exit(0)


def receive_messages(conn):
    reader = conn.makefile("r", encoding="utf-8")
    try:
        for line in reader:
            message = line.strip()
            print("Client:", message)
            if message.upper() == "BYE":
                break
        else:
            print("The client left")
    except ConnectionError:
        print("Connection lost")
    conn.close()
    end_chat()


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(1)
print("Chat server on port", PORT)
conn, addr = server.accept()
server.close()
print("Chatting with", addr, "- type BYE to end")

threading.Thread(target=receive_messages, args=(conn,), daemon=True).start()
try:
    while True:
        text = input()
        conn.sendall((text + "\n").encode())
        if text.strip().upper() == "BYE":
            break
except (EOFError, OSError):
    pass
conn.close()
end_chat()
