"""Kinerja pegawai: SKP and periodic evaluation of PNS and PPPK (PermenPAN-RB 6/2022)."""
