import { all, anyRunning, not, onUserNetwork, trafficFailed, trafficOk } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/** Lesson 6: user-defined bridge networks, the embedded DNS, and the default bridge without names. */
export const networks: Lesson = {
  id: 'networks',
  order: 6,
  title: { en: 'Networks and DNS', 'pt-BR': 'Redes e DNS' },
  intro: {
    en: 'Each container has its own network namespace, plugged into a Linux bridge on the host by a veth pair. On a network you create, Docker also runs a small DNS server (127.0.0.11) so containers find each other by name. The default bridge has no such DNS. Follow along in the Network view.',
    'pt-BR': 'Cada contêiner tem seu próprio namespace de rede, ligado a uma bridge Linux no host por um par veth. Numa rede que você cria, o Docker também roda um pequeno servidor DNS (127.0.0.11) para os contêineres se acharem pelo nome. A bridge padrão não tem esse DNS. Acompanhe pela aba Rede.',
  },
  steps: [
    {
      run: 'docker network create appnet',
      say: { en: 'Create a user-defined bridge network: a new Linux bridge (br-…) with its own subnet.', 'pt-BR': 'Crie uma rede bridge definida pelo usuário: uma bridge Linux nova (br-…) com sub-rede própria.' },
    },
    {
      run: 'docker run -d --name web --network appnet nginx',
      say: { en: 'Start nginx on it. Its name, web, is now known to the network’s DNS.', 'pt-BR': 'Suba o nginx nela. O nome dele, web, agora é conhecido pelo DNS da rede.' },
    },
    {
      run: 'docker run --rm --network appnet alpine nslookup web',
      say: {
        en: 'Ask the embedded DNS from another container: the server is 127.0.0.11 and web resolves to its IP on appnet.',
        'pt-BR': 'Pergunte ao DNS embutido a partir de outro contêiner: o servidor é o 127.0.0.11 e web resolve para o IP dele na appnet.',
      },
    },
    {
      run: 'docker run --rm --network appnet alpine wget -qO- http://web',
      say: { en: 'Fetch nginx’s page by name, container to container.', 'pt-BR': 'Busque a página do nginx pelo nome, de contêiner para contêiner.' },
    },
    {
      run: 'docker run -d --name lone nginx',
      say: { en: 'Now start a container without --network: it lands on the default bridge (docker0).', 'pt-BR': 'Agora suba um contêiner sem --network: ele cai na bridge padrão (docker0).' },
    },
    {
      run: 'docker run --rm alpine ping -c 1 lone',
      say: {
        en: 'From the default bridge, the name does not resolve (“bad address”): the default bridge has no embedded DNS. Only IP addresses work there.',
        'pt-BR': 'Na bridge padrão o nome não resolve (“bad address”): a bridge padrão não tem DNS embutido. Lá só funciona endereço IP.',
      },
    },
  ],
  goals: [
    {
      id: 'user-network',
      text: { en: 'A container runs on a network you created', 'pt-BR': 'Um contêiner roda numa rede criada por você' },
      met: onUserNetwork,
    },
    {
      id: 'dns',
      text: { en: 'The embedded DNS answered a container name', 'pt-BR': 'O DNS embutido respondeu o nome de um contêiner' },
      met: trafficOk('dns'),
    },
    {
      id: 'http',
      text: { en: 'A container fetched a page from another one', 'pt-BR': 'Um contêiner buscou uma página em outro' },
      met: trafficOk('http'),
    },
  ],
  hints: [
    {
      id: 'default-bridge-only',
      when: all(anyRunning, not(onUserNetwork)),
      text: {
        en: 'Your containers are on the default bridge, where names do not resolve. Create a network (docker network create appnet) and start them with --network appnet.',
        'pt-BR': 'Seus contêineres estão na bridge padrão, onde nome não resolve. Crie uma rede (docker network create appnet) e suba eles com --network appnet.',
      },
    },
    {
      id: 'name-not-found',
      when: all(trafficFailed('dns'), not(trafficOk('dns'))),
      text: {
        en: 'The name did not resolve. The DNS knows containers by their --name, and only those on the same network as the one asking.',
        'pt-BR': 'O nome não resolveu. O DNS conhece os contêineres pelo --name, e só os que estão na mesma rede de quem pergunta.',
      },
    },
  ],
  quiz: [
    {
      id: 'who-answers',
      question: { en: 'On a user-defined network, who answers a container’s DNS queries for other containers?', 'pt-BR': 'Numa rede definida pelo usuário, quem responde às consultas DNS de um contêiner sobre os outros?' },
      choices: [
        { en: 'The host’s /etc/hosts', 'pt-BR': 'O /etc/hosts do host' },
        { en: 'Docker’s embedded DNS server at 127.0.0.11', 'pt-BR': 'O servidor DNS embutido do Docker, em 127.0.0.11' },
        { en: 'A public DNS server', 'pt-BR': 'Um servidor DNS público' },
      ],
      answer: 1,
      explain: { en: 'nslookup showed Server: 127.0.0.11, run by dockerd for that network.', 'pt-BR': 'O nslookup mostrou Server: 127.0.0.11, mantido pelo dockerd para aquela rede.' },
    },
    {
      id: 'default-bridge',
      question: { en: 'Why did ping lone fail from the default bridge?', 'pt-BR': 'Por que o ping lone falhou na bridge padrão?' },
      choices: [
        { en: 'lone was not running', 'pt-BR': 'O lone não estava rodando' },
        { en: 'ICMP is blocked between containers', 'pt-BR': 'O ICMP é bloqueado entre contêineres' },
        { en: 'The default bridge has no name resolution between containers', 'pt-BR': 'A bridge padrão não resolve nomes entre contêineres' },
      ],
      answer: 2,
      explain: { en: 'Pinging lone’s IP would work; its name is unknown there.', 'pt-BR': 'Um ping no IP do lone funcionaria; o nome dele é que não é conhecido ali.' },
    },
  ],
  solution: [
    'docker network create appnet',
    'docker run -d --name web --network appnet nginx',
    'docker run --rm --network appnet alpine nslookup web',
    'docker run --rm --network appnet alpine wget -qO- http://web',
    'docker run -d --name lone nginx',
    'docker run --rm alpine ping -c 1 lone',
  ],
};
