"""Certificates of completed courses: what one says (`data.CertificateData`) and the tagged,
accessible PDF made from it (`pdf.render_certificate_pdf`). Pure services: the course models
gather the data, check the learner may have it and store nothing of the PDF."""
