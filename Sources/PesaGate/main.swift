print("pesagate")
