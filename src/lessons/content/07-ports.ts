import { all, hostReachedContainer, hostRequestFailed, not, portPublished, runningFrom } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/** Lesson 7: publishing a container's port on the host (`-p HOST:CONTAINER`), and docker-proxy. */
export const ports: Lesson = {
  id: 'ports',
  order: 7,
  title: { en: 'Publishing ports', 'pt-BR': 'Publicando portas' },
  intro: {
    en: 'A container’s IP lives on a bridge inside the host: nothing outside can reach it. Publishing a port (-p HOST:CONTAINER) asks Docker to forward a port of the host to a port of the container, with NAT rules and a small docker-proxy process.',
    'pt-BR': 'O IP de um contêiner fica numa bridge dentro do host: nada de fora alcança ele. Publicar uma porta (-p HOST:CONTÊINER) pede ao Docker que encaminhe uma porta do host para uma porta do contêiner, com regras de NAT e um pequeno processo docker-proxy.',
  },
  steps: [
    {
      run: 'docker run -d --name web -p 8080:80 nginx',
      say: {
        en: 'Publish nginx’s port 80 on the host’s port 8080. The first number is the host’s, the second the container’s.',
        'pt-BR': 'Publique a porta 80 do nginx na porta 8080 do host. O primeiro número é do host, o segundo é do contêiner.',
      },
    },
    {
      run: 'docker port web',
      say: { en: 'Docker lists the mapping, for IPv4 and IPv6.', 'pt-BR': 'O Docker lista o mapeamento, para IPv4 e IPv6.' },
    },
    {
      run: 'curl -s localhost:8080',
      say: {
        en: 'From the host, port 8080 answers with nginx’s page: the request was forwarded to 172.17.0.2:80. Watch the packet in the Network view.',
        'pt-BR': 'No host, a porta 8080 responde com a página do nginx: o pedido foi encaminhado para 172.17.0.2:80. Veja o pacote na aba Rede.',
      },
    },
    {
      run: 'ps -ef | grep docker-proxy',
      say: {
        en: 'One docker-proxy per published address holds the host port open; it is a host process, started by dockerd.',
        'pt-BR': 'Um docker-proxy para cada endereço publicado mantém a porta do host aberta; é um processo do host, iniciado pelo dockerd.',
      },
    },
  ],
  goals: [
    {
      id: 'published',
      text: { en: 'A running container has a published port', 'pt-BR': 'Um contêiner rodando tem uma porta publicada' },
      met: portPublished,
    },
    {
      id: 'reached',
      text: { en: 'A request from the host reached a container through it', 'pt-BR': 'Um pedido feito no host chegou a um contêiner por ela' },
      met: hostReachedContainer,
    },
  ],
  hints: [
    {
      id: 'not-published',
      when: all(runningFrom('nginx'), not(portPublished)),
      text: {
        en: 'nginx is running but no port is published, so the host cannot reach it on localhost. Start it with -p 8080:80 (docker rm -f web first).',
        'pt-BR': 'O nginx está rodando, mas nenhuma porta foi publicada, então o host não alcança ele pelo localhost. Suba com -p 8080:80 (antes, docker rm -f web).',
      },
    },
    {
      id: 'refused',
      when: all(hostRequestFailed, not(hostReachedContainer)),
      text: {
        en: 'Nothing answered. Check the host port you asked for, and that the second number of -p is the port the program listens on (80 for nginx).',
        'pt-BR': 'Ninguém respondeu. Confira a porta do host que você chamou, e se o segundo número do -p é a porta em que o programa escuta (80 no nginx).',
      },
    },
  ],
  quiz: [
    {
      id: 'which',
      question: { en: 'In -p 8080:80, which number is the host’s port?', 'pt-BR': 'Em -p 8080:80, qual número é a porta do host?' },
      choices: [
        { en: '8080', 'pt-BR': '8080' },
        { en: '80', 'pt-BR': '80' },
        { en: 'Both: they must be equal', 'pt-BR': 'Os dois: eles precisam ser iguais' },
      ],
      answer: 0,
      explain: { en: 'HOST:CONTAINER; docker port web showed 80/tcp -> 0.0.0.0:8080.', 'pt-BR': 'HOST:CONTÊINER; o docker port web mostrou 80/tcp -> 0.0.0.0:8080.' },
    },
    {
      id: 'same-port',
      question: { en: 'A second container asks for -p 8080:80 too. What happens?', 'pt-BR': 'Um segundo contêiner também pede -p 8080:80. O que acontece?' },
      choices: [
        { en: 'Both share port 8080', 'pt-BR': 'Os dois dividem a porta 8080' },
        { en: 'It fails to start: the host port is already allocated', 'pt-BR': 'Ele não sobe: a porta do host já está alocada' },
        { en: 'Docker picks 8081 instead', 'pt-BR': 'O Docker escolhe a 8081 no lugar' },
      ],
      answer: 1,
      explain: {
        en: 'A host port can be bound once; inside, both containers may use port 80, each in its own network namespace.',
        'pt-BR': 'Uma porta do host só pode ser usada uma vez; lá dentro, os dois podem usar a porta 80, cada um no seu namespace de rede.',
      },
    },
  ],
  solution: ['docker run -d --name web -p 8080:80 nginx', 'docker port web', 'curl -s localhost:8080', 'ps -ef | grep docker-proxy'],
};
