import os
from socket import *

HOST = os.environ.get("HOST", "127.0.0.1")
serverPort = int(os.environ.get("PORT", 12000))

serverSocket = socket(AF_INET, SOCK_STREAM)
serverSocket.bind((HOST, serverPort))
serverSocket.listen(1)

# one client, then the server stops
connectionSocket, addr = serverSocket.accept()
try:
    f = connectionSocket.makefile("rb")
    sentence = f.readline()
    connectionSocket.sendall(sentence.upper())
except OSError:
    pass
connectionSocket.close()
serverSocket.close()
