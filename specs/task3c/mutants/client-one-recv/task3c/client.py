import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 12000))

sentence = input("Input lowercase sentence: ")
s = socket.socket()
s.connect((HOST, PORT))
s.sendall((sentence + "\n").encode())
print(s.recv(1024).decode())
s.close()
