# Task 4: chat client. Type BYE to stop.
import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 54))

c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
c.connect((HOST, PORT))

while True:
    msg = input("Client: ")
    c.send(msg.encode())
    if msg.strip().upper() == "BYE":
        break
    data = c.recv(1024).decode()
    print("Server:", data)
    if data.strip().upper() == "BYE":
        break

c.close()
