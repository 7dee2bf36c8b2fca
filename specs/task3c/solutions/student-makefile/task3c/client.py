import os
from socket import *

serverName = os.environ.get("HOST", "127.0.0.1")
serverPort = int(os.environ.get("PORT", 12000))

sentence = input()
clientSocket = socket(AF_INET, SOCK_STREAM)
clientSocket.connect((serverName, serverPort))
clientSocket.sendall(sentence.encode() + b"\n")
# nothing more to send: the server can see the end of the message
clientSocket.shutdown(SHUT_WR)
modified = b""
while True:
    data = clientSocket.recv(4096)
    if not data:
        break
    modified += data
print(modified.decode())
clientSocket.close()
