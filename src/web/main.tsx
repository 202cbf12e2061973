document.getElementById('root')!.textContent = '预防';
